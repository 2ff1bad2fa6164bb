using HeritageRegistry.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Reports;

public sealed class IndexModel(ReportStore reports) : PageModel
{
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await reports.ListAsync(cancellationToken);
}
