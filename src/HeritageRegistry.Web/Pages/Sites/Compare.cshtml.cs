using HeritageRegistry.Accounts;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Hosting;
using HeritageRegistry.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Sites;

/// <summary>Two photos of one place, before and after: a slider with JavaScript, side by side without.</summary>
public sealed class CompareModel(PhotoStore photos) : PageModel
{
    public PhotoView? Before { get; private set; }
    public PhotoView? After { get; private set; }
    public IReadOnlyList<PhotoView> Choices { get; private set; } = [];
    public string SiteName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, long? before, long? after, CancellationToken cancellationToken)
    {
        Choices = await photos.GalleryAsync(slug, null, User.IsCurator(), cancellationToken);
        if (Choices.Count == 0)
        {
            return NotFound();
        }
        SiteName = Choices[0].SiteName;
        HttpContext.Shows(RecordType.Site, Choices[0].SiteId);
        HttpContext.Shows(RecordType.Photo, Choices.Select(p => (long?)p.Id));
        // Unless chosen, compare the earliest "before" photo with the latest "after" one.
        Before = before is { } b ? Choices.FirstOrDefault(p => p.Id == b) : Choices.FirstOrDefault(p => p.Phase == "before");
        After = after is { } a ? Choices.FirstOrDefault(p => p.Id == a) : Choices.LastOrDefault(p => p.Phase == "after");
        if ((before is not null && Before is null) || (after is not null && After is null))
        {
            // A photo of another place, or one that does not exist: say so rather than show a wrong pair.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
