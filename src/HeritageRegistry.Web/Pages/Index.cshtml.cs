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
        var inWindow = await reports.ListAsync(cancellationToken,
            new DateOnly(TimelineFirstYear, 1, 1), new DateOnly(TimelineLastYear, 12, 31));
        Timeline = new TimelineLayout(inWindow, TimelineFirstYear, TimelineLastYear);
    }
}
