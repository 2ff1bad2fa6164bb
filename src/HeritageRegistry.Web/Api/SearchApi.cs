using HeritageRegistry.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace HeritageRegistry.Api;

/// <summary>
/// GET /api/v1/search: the search page's query as JSON. The query string is read by the same
/// parser (<see cref="SearchQuery.Parse"/>) and run by the same store as /search and /search.csv,
/// so one URL means one result; only the paging follows the API's lists (page, pageSize).
/// </summary>
public static class SearchApi
{
    // Read by the API's paging, never by the search query's own, which calls the page size "size".
    private static readonly HashSet<string> PagingParameters = new(["page", "pageSize", "size"], StringComparer.OrdinalIgnoreCase);

    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapRead("/search", SearchAsync).WithName("Search").WithTags("Search")
            .WithSummary("Published places, reports, sources and photos matching words and filters, with marked matches and the counts beside each filter.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The parameters come from the parser's own list of filters, so the document cannot drift from what is read.
                operation.Parameters ??= [];
                foreach (var parameter in Parameters())
                {
                    operation.Parameters.Add(parameter);
                }
                return Task.CompletedTask;
            });
        return api;
    }

    private static async Task<Results<Ok<SearchResultPage>, ValidationProblem>> SearchAsync(
        HttpContext context, SearchStore search, CancellationToken cancellationToken)
    {
        var request = context.Request.Query;
        var check = new QueryCheck();
        var paging = check.Paging(request["page"], request["pageSize"]);
        if (!StringValues.IsNullOrEmpty(request["size"]))
        {
            check.Fail("size", "This API calls the page size pageSize, as its other lists do (size is the search page's name for it).");
        }
        if (SearchQuery.BeyondWindow(paging.Page, paging.PageSize) is { } beyond)
        {
            check.Fail("page", beyond);
        }
        var parse = SearchQuery.Parse(request.Where(pair => !PagingParameters.Contains(pair.Key)));
        foreach (var (name, message) in parse.Errors)
        {
            check.Fail(name, message);
        }
        if (check.Problem is { } problem)
        {
            return problem;
        }
        if (await search.SearchAsync(parse.Query with { Page = paging.Page, PageSize = paging.PageSize }, cancellationToken) is not { } results)
        {
            check.Fail("site", $"No public place has the address name '{parse.Query.Site}'.");
            return check.Problem!;
        }
        var links = new ApiLinks(context);
        // The last link stops at the last page paging reaches; the total still says how many there are.
        return TypedResults.Ok(new SearchResultPage([.. results.Hits.Select(hit => Item(hit, links))], results.Total, paging.Page,
            paging.PageSize, links.LinksFor(results.Reachable, paging), [.. results.Facets.Select(Facet)], results.Suggestion));
    }

    private static SearchResultItem Item(SearchHit hit, ApiLinks links) => new(hit.Type, hit.Key, links.To(hit.Url),
        hit.Type switch
        {
            "report" => links.Report(hit.Key).Self,
            "site" => links.Site(hit.Key).Self,
            "source" => links.Source(hit.Key).Self,
            _ => null,
        },
        hit.Title.Text, Ranges(hit.Title), hit.ArabicTitle?.Text, hit.ArabicTitle is { } arabic ? Ranges(arabic) : null,
        hit.Snippet is { } snippet ? new MarkedText(snippet.Text, Ranges(snippet), snippet.Lang) : null,
        hit.Date, hit.Kind, hit.Severity, hit.SiteSlug, hit.SiteName);

    private static MarkRange[] Ranges(HighlightedText text) => [.. text.Marks.Select(mark => new MarkRange(mark.Start, mark.Length))];

    private static SearchFacet Facet(Facet facet) => new(facet.Parameter, facet.Label,
        [.. facet.Values.Select(v => new SearchFacetValue(v.Code, v.Label, v.Arabic, v.Count, v.Selected, v.Depth))]);

    private static IEnumerable<OpenApiParameter> Parameters()
    {
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        yield return Query("q", text, "Words to find, in English, Arabic or a transliteration. Latin diacritics and Arabic letter variants "
            + "are folded, the last word also matches as a prefix, and quotes, operators and symbols are searched as text.");
        foreach (var filter in SearchFilters.All)
        {
            yield return Query(filter.Parameter, ApiDocs.Codes(filter.Terms.Select(t => t.Code)), filter.Parameter == "type"
                ? "Only records of this type."
                : $"Only {string.Join(", ", filter.Types.Select(t => SearchFilters.RecordTypes.English(t).ToLowerInvariant() + "s"))} "
                  + $"with this {filter.Terms.Name.ToLowerInvariant()} code; records of other types drop out.");
        }
        yield return Query("site", text, "Only records at the place with this slug or at any place within it.");
        yield return Query("from", text, "Only reports whose event can fall on or after this date: a year, month or day "
            + "(2015, 2015-08, 2015-08-30), or an EDTF date. Reports count when their date interval overlaps the range.");
        yield return Query("to", text, "Only reports whose event can fall on or before this date (as from).");
        yield return Query("sort", ApiDocs.Codes(SearchFilters.Sorts),
            "relevance (the default: best match first, newest first without words), newest or oldest.");
        yield return Query("page", ApiDocs.PagingSchema("page"),
            $"Page number, from 1; page × pageSize may not pass {SearchQuery.MaxResultWindow} (narrow the search to reach further).");
        yield return Query("pageSize", ApiDocs.PagingSchema("pageSize"), "Items per page, 1 to 100 (default 25). The search page calls it size.");
    }

    private static OpenApiParameter Query(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Schema = schema, Description = description };
}
