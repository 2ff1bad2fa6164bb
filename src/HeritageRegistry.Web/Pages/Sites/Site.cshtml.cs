using HeritageRegistry.Accounts;
using HeritageRegistry.Citations;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Hosting;
using HeritageRegistry.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Sites;

public sealed class SiteModel(SiteStore sites) : PageModel
{
    public SitePage Data { get; private set; } = null!;

    public PageCitation Citation { get; private set; } = null!;

    public IReadOnlyList<Disagreement> Disagreements => Data.Disagreements;

    public IReadOnlyList<PhotoView> Photos => Data.Photos;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await sites.GetPageAsync(slug, User.IsCurator(), cancellationToken, withGallery: true);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        Citation = PageCitation.ForSite(HttpContext, page.Site);
        HttpContext.IsPageOfPlace(page.Site.Id);
        HttpContext.Shows(RecordType.Site, [page.Site.Id, page.Site.ParentId, .. page.Children.Select(c => (long?)c.Id)]);
        HttpContext.Shows(RecordType.Report, page.Reports.Select(r => (long?)r.Id));
        HttpContext.Shows(RecordType.Source, page.SiteCitations.Concat(page.Reports.SelectMany(r => r.Citations)).Select(c => (long?)c.SourceId));
        HttpContext.Shows(RecordType.Photo, Photos.Select(p => (long?)p.Id));
        return Page();
    }
}
