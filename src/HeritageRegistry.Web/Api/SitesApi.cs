using System.ComponentModel;
using HeritageRegistry.Data;
using HeritageRegistry.Display;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HeritageRegistry.Api;

public static class SitesApi
{
    public static RouteGroupBuilder MapSitesApi(this RouteGroupBuilder api)
    {
        api.MapRead("/sites", ListAsync).WithName("ListSites").WithTags("Places")
            .TakesCodes("kind", Vocab.SiteKinds)
            .WithSummary("Published places, by English name, one page at a time.");
        api.MapRead("/sites/{slug}", GetAsync).WithName("GetSite").WithTags("Places")
            .WithSummary("One published place: names, location (generalised when sensitive), condition, the places within it and its reports.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<SiteItem>>, ValidationProblem>> ListAsync(
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 100 (default 25).")] string? pageSize,
        [Description("Only places of this kind (a site kind code, e.g. temple).")] string? kind,
        [Description("Only places directly within the place with this slug.")] string? parent,
        HttpContext context, ApiStore store, CancellationToken cancellationToken)
    {
        var check = new QueryCheck();
        var paging = check.Paging(page, pageSize);
        kind = check.Term("kind", kind, Vocab.SiteKinds);
        return await check.AnswerAsync(context, paging,
            () => store.SitesAsync(kind, string.IsNullOrEmpty(parent) ? null : parent, paging, cancellationToken),
            (s, links) => new SiteItem(s.Slug, s.ParentSlug, s.Kind, s.NameEn, s.NameAr, s.Summary, s.SummaryAr, ApiCondition.From(s.Condition), links.Site(s.Slug)));
    }

    private static async Task<Results<Ok<SiteResource>, ProblemHttpResult>> GetAsync(
        string slug, HttpContext context, SiteStore sites, CancellationToken cancellationToken)
    {
        if (await sites.GetPageAsync(slug, includeDrafts: false, cancellationToken) is not { Site: var site } page)
        {
            return ApiProblems.NotFound($"No published place has the slug '{slug}'.");
        }
        var links = new ApiLinks(context);
        var location = PublicLocation.For(site.Latitude, site.Longitude, site.IsSensitive);
        return TypedResults.Ok(new SiteResource(site.Slug, site.ParentSlug, site.Kind, site.NameEn, site.NameAr, page.OtherNames,
            site.Summary, site.SummaryAr, site.Description, site.DescriptionAr,
            location is null ? null : new ApiLocation(location.Latitude, location.Longitude, location.IsGeneralised),
            site.Built, new ExternalIds(site.UnescoWhcId, site.PleiadesId, site.WikidataId), ApiCondition.From(site.Condition),
            [.. page.Children.Select(c => c.Slug)], [.. page.Reports.Where(r => r.SiteSlug == site.Slug).Select(r => r.Reference)], site.Version, site.UpdatedAt,
            new SiteLinks(links.Site(site.Slug).Self, links.Site(site.Slug).Html, links.To($"/api/v1/reports?site={site.Slug}"),
                site.ParentSlug is null ? null : links.Site(site.ParentSlug).Self)));
    }
}
