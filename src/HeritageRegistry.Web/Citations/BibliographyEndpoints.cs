using HeritageRegistry.Data;

namespace HeritageRegistry.Citations;

public static class BibliographyEndpoints
{
    /// <summary>
    /// Bibliography downloads in CSL-JSON (.json), BibLaTeX (.bib) and RIS (.ris): one source, the
    /// sources cited about one place, or every source. An unknown format is a 400 problem, not a 500.
    /// </summary>
    public static IEndpointRouteBuilder MapBibliography(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sources/export.{format}", (string format, SourceStore sources, CancellationToken cancellationToken) =>
            DownloadAsync(format, "palmyra-sources", () => sources.ExportAsync(null, null, cancellationToken)));
        app.MapGet("/sources/{reference}/cite.{format}", (string reference, string format, SourceStore sources, CancellationToken cancellationToken) =>
            DownloadAsync(format, $"source-{reference.ToLowerInvariant()}", () => sources.ExportAsync(reference, null, cancellationToken)));
        app.MapGet("/sites/{slug}/sources.{format}", (string slug, string format, SourceStore sources, CancellationToken cancellationToken) =>
            DownloadAsync(format, $"{slug}-sources", () => sources.ExportAsync(null, slug, cancellationToken)));
        app.MapGet("/sites/{slug}/cite.{format}", async (string slug, string format, HttpContext context, SiteStore sites, CancellationToken cancellationToken) =>
            await sites.GetPageAsync(slug, includeDrafts: false, cancellationToken) is { } page
                ? await DownloadAsync(format, slug, () => One(PageCitation.ForSite(context, page.Site)))
                : Results.NotFound());
        app.MapGet("/reports/{reference}/cite.{format}", async (string reference, string format, HttpContext context, ReportStore reports, CancellationToken cancellationToken) =>
            await reports.GetPageAsync(reference, includeDrafts: false, cancellationToken) is { Report: var report }
                ? await DownloadAsync(format, report.Reference, () => One(PageCitation.ForReport(context, report)))
                : Results.NotFound());
        return app;
    }

    private static Task<IReadOnlyList<SourceDetail>> One(PageCitation citation) => Task.FromResult<IReadOnlyList<SourceDetail>>([citation.AsSource()]);

    private static async Task<IResult> DownloadAsync(string extension, string name, Func<Task<IReadOnlyList<SourceDetail>>> load)
    {
        if (BibliographyFormat.Find(extension) is not { } format)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown bibliography format",
                detail: $"'{extension}' is not offered; use .json (CSL-JSON), .bib (BibLaTeX) or .ris (RIS).");
        }
        var sources = await load();
        return sources.Count == 0
            ? Results.NotFound()
            : format.File(name, sources);
    }
}
