using HeritageRegistry.Accounts;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Hosting;
using HeritageRegistry.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Photos;

public sealed class PhotoModel(PhotoStore photos) : PageModel
{
    public PhotoView Photo { get; private set; } = null!;

    public IReadOnlyList<Data.CitationView> Citations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var photo = await photos.GetAsync(id, User.IsCurator(), cancellationToken);
        if (photo is null)
        {
            return NotFound();
        }
        Photo = photo;
        Citations = await photos.CitationsAsync(id, cancellationToken);
        HttpContext.Shows(RecordType.Photo, photo.Id);
        HttpContext.Shows(RecordType.Site, photo.SiteId);
        HttpContext.Shows(RecordType.Report, photo.ReportId);
        HttpContext.Shows(RecordType.Source, Citations.Select(c => (long?)c.SourceId));
        return Page();
    }
}
