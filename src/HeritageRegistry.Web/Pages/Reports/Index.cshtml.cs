using HeritageRegistry.Citations;
using HeritageRegistry.Data;
using HeritageRegistry.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Reports;

/// <summary>
/// Every public report, oldest first. Filtering and downloading are the search's: the filter form
/// submits to /search limited to reports and the downloads are that search's, so the two lists
/// cannot disagree about what a filter means.
/// </summary>
public sealed class IndexModel(ReportStore reports) : PageModel
{
    /// <summary>The search that lists the same reports in the same order.</summary>
    public static readonly SearchQuery AllReports = new() { Terms = new Dictionary<string, string> { ["type"] = "report" }, Sort = "oldest" };

    /// <summary>The search's filters that apply to reports, besides the record type this page fixes.</summary>
    public static IEnumerable<SearchFilter> Filters => SearchFilters.All.Where(f => f.Parameter != "type" && f.Types.Contains("report"));

    public static IEnumerable<BibliographyFormat> Bibliographies => BibliographyFormat.All;

    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    /// <summary>The places reports are about, by name, for the place filter.</summary>
    public IEnumerable<(string Slug, string Name)> Places => Reports.Select(r => (r.SiteSlug, r.SiteName)).Distinct().OrderBy(p => p.Item2, StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await reports.ListAsync(cancellationToken);
}
