using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Reports;

public sealed class ReportModel(ReportStore reports) : PageModel
{
    public ReportPage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var page = await reports.GetPageAsync(reference, User.IsCurator(), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        return Page();
    }
}
