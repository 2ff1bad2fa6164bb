using System.ComponentModel;
using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HeritageRegistry.Api;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapRead("/reports", ListAsync).WithName("ListReports").WithTags("Reports")
            .TakesCodes("kind", Vocab.ReportKinds)
            .TakesCodes("severity", Vocab.Severities)
            .WithSummary("Published damage reports and context events, oldest first, one page at a time.");
        api.MapRead("/reports/{reference}", GetAsync).WithName("GetReport").WithTags("Reports")
            .WithSummary("One published report with every field and the sources it cites.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ReportItem>>, ValidationProblem>> ListAsync(
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 100 (default 25).")] string? pageSize,
        [Description("Only reports on the place with this slug.")] string? site,
        [Description("Only reports of this kind: damage or event.")] string? kind,
        [Description("Only reports of this severity (a severity code, e.g. destroyed).")] string? severity,
        [Description("Only reports whose date can fall on or after this day (YYYY-MM-DD).")] string? from,
        [Description("Only reports whose date can fall on or before this day (YYYY-MM-DD).")] string? to,
        HttpContext context, ApiStore store, CancellationToken cancellationToken)
    {
        var check = new QueryCheck();
        var paging = check.Paging(page, pageSize);
        var filter = new ReportFilter(string.IsNullOrEmpty(site) ? null : site, check.Term("kind", kind, Vocab.ReportKinds),
            check.Term("severity", severity, Vocab.Severities), check.Day("from", from), check.Day("to", to));
        if (filter is { From: { } start, To: { } end } && start > end)
        {
            check.Fail("to", $"The window ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }
        return await check.AnswerAsync(context, paging, () => store.ReportsAsync(filter, paging, cancellationToken),
            (r, links) => new ReportItem(r.Reference, r.Kind, r.Title, r.TitleAr, r.SiteSlug, r.EventDate, r.EventEarliest, r.EventLatest,
                r.Cause, r.Severity, r.Certainty, r.Verification, links.Report(r.Reference)));
    }

    private static async Task<Results<Ok<ReportResource>, ProblemHttpResult>> GetAsync(
        string reference, HttpContext context, ReportStore reports, CancellationToken cancellationToken)
    {
        if (await reports.GetPageAsync(reference, includeDrafts: false, cancellationToken) is not { Report: var r } page)
        {
            return ApiProblems.NotFound($"No published report has the reference '{reference}'.");
        }
        var links = new ApiLinks(context);
        var self = links.Report(r.Reference);
        return TypedResults.Ok(new ReportResource(r.Reference, r.Kind, r.Title, r.TitleAr, r.SiteSlug, r.EventDate, r.EventEarliest, r.EventLatest,
            r.ReportedDate, r.Cause, r.Effect, r.Severity, r.Extent, r.Certainty, r.Verification, r.Method, r.Assessor, r.Description, r.DescriptionAr,
            r.Version, r.UpdatedAt,
            [.. page.Citations.Select(c => new ApiCitation(c.SourceReference, c.SourceTitle, c.Locator, c.Quote, links.Source(c.SourceReference)))],
            new ReportLinks(self.Self, self.Html, links.Site(r.SiteSlug).Self)));
    }
}
