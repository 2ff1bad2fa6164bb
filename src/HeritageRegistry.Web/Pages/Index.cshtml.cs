using HeritageRegistry.Data;
using HeritageRegistry.Display;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages;

public sealed class IndexModel(HomeStore home, ReportStore reports) : PageModel
{
    // The war years at Palmyra and the restoration that followed.
    private const int TimelineFirstYear = 2012;
    private const int TimelineLastYear = 2022;

    public RegistryCounts Counts { get; private set; } = new();
    public IReadOnlyList<ReportSummary> Latest { get; private set; } = [];
    public TimelineLayout Timeline { get; private set; } = new([], TimelineFirstYear, TimelineLastYear);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await home.CountsAsync(cancellationToken);
        Latest = await reports.LatestAsync(6, cancellationToken);
        var all = await reports.ListAsync(cancellationToken);
        Timeline = new TimelineLayout(
            all.Where(r => string.CompareOrdinal(r.EventLatest, $"{TimelineFirstYear}") >= 0
                        && string.CompareOrdinal(r.EventEarliest, $"{TimelineLastYear + 1}") < 0),
            TimelineFirstYear, TimelineLastYear);
    }
}
