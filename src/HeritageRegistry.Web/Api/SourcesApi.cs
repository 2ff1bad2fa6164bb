using System.ComponentModel;
using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HeritageRegistry.Api;

public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        api.MapRead("/sources", ListAsync).WithName("ListSources").WithTags("Sources")
            .TakesCodes("kind", Vocab.SourceKinds)
            .WithSummary("Published sources, by reference, one page at a time.");
        api.MapRead("/sources/{reference}", GetAsync).WithName("GetSource").WithTags("Sources")
            .WithSummary("One published source and the published claims that cite it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<SourceItem>>, ValidationProblem>> ListAsync(
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 100 (default 25).")] string? pageSize,
        [Description("Only sources of this kind (a source kind code, e.g. satellite-analysis).")] string? kind,
        HttpContext context, ApiStore store, CancellationToken cancellationToken)
    {
        var check = new QueryCheck();
        var paging = check.Paging(page, pageSize);
        kind = check.Term("kind", kind, Vocab.SourceKinds);
        return await check.AnswerAsync(context, paging, () => store.SourcesAsync(kind, paging, cancellationToken),
            (s, links) => new SourceItem(s.Reference, s.Kind, s.Title, s.Publisher, s.Authors, s.PublishedDate, s.Url, links.Source(s.Reference)));
    }

    private static async Task<Results<Ok<SourceResource>, ProblemHttpResult>> GetAsync(
        string reference, HttpContext context, SourceStore sources, CancellationToken cancellationToken)
    {
        if (await sources.GetPageAsync(reference, includeDrafts: false, cancellationToken) is not { Source: var s } page)
        {
            return ApiProblems.NotFound($"No published source has the reference '{reference}'.");
        }
        return TypedResults.Ok(new SourceResource(s.Reference, s.Kind, s.Title, s.Publisher, s.Authors, s.PublishedDate, s.Url,
            s.ArchivedUrl, s.Doi, s.AccessedDate, s.Language, s.Notes,
            [.. page.Claims.Select(c => new ApiClaim(c.SiteSlug, c.ReportReference, c.PhotoId, c.Locator, c.Quote))],
            new ApiLinks(context).Source(s.Reference)));
    }
}
