using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Sources;

public sealed class SourceModel(SourceStore sources) : PageModel
{
    public SourcePage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var page = await sources.GetPageAsync(reference, User.IsCurator(), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        HttpContext.Shows(RecordType.Source, page.Source.Id);
        HttpContext.Shows(RecordType.Site, page.Claims.Select(c => (long?)c.SiteId));
        HttpContext.Shows(RecordType.Report, page.Claims.Select(c => c.ReportId));
        HttpContext.Shows(RecordType.Photo, page.Claims.Select(c => c.PhotoId));
        return Page();
    }
}
