using HeritageRegistry.Accounts;
using HeritageRegistry.Citations;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Hosting;
using HeritageRegistry.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Reports;

public sealed class ReportModel(ReportStore reports) : PageModel
{
    public ReportPage Data { get; private set; } = null!;

    public PageCitation Citation { get; private set; } = null!;

    public IReadOnlyList<Disagreement> Disagreements => Data.Disagreements;

    public IReadOnlyList<PhotoView> Photos => Data.Photos;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var page = await reports.GetPageAsync(reference, User.IsCurator(), cancellationToken, withGallery: true);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        Citation = PageCitation.ForReport(HttpContext, page.Report);
        HttpContext.Shows(RecordType.Report, page.Report.Id);
        HttpContext.Shows(RecordType.Site, page.Report.SiteId);
        HttpContext.Shows(RecordType.Source, page.Citations.Select(c => (long?)c.SourceId));
        HttpContext.Shows(RecordType.Photo, Photos.Select(p => (long?)p.Id));
        return Page();
    }
}
