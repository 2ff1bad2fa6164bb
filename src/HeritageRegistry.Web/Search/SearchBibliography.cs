using HeritageRegistry.Citations;

namespace HeritageRegistry.Search;

/// <summary>
/// /search.bib, /search.ris and /search.json (CSL-JSON): the bibliography of a search, with the same
/// parameters as /search (pages ignored). It holds the public sources the search found and those its
/// reports, places and photos cite, once each, in reference order. Bounded as /search.csv is: it holds
/// at most every public source, and anonymous clients share the search's rate limit.
/// </summary>
public static class SearchBibliography
{
    public static IEndpointRouteBuilder MapSearchBibliography(this IEndpointRouteBuilder app)
    {
        foreach (var format in BibliographyFormat.All)
        {
            app.MapGet($"/search.{format.Extension}", (HttpContext context, SearchStore search, CancellationToken cancellationToken) =>
                DownloadAsync(format, context, search, cancellationToken)).RequireRateLimiting(Hosting.RequestRateLimits.Search);
        }
        return app;
    }

    private static async Task<IResult> DownloadAsync(BibliographyFormat format, HttpContext context, SearchStore search, CancellationToken cancellationToken)
    {
        var (query, problem) = await SearchExport.ReadAsync(context, search, cancellationToken);
        if (query is null)
        {
            return problem!;
        }
        // A search that finds nothing has an empty bibliography, not a missing one.
        return format.File("search-sources", await search.SourcesAsync(query, cancellationToken));
    }
}
