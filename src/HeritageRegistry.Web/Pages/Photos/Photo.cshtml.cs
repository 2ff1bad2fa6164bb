using HeritageRegistry.Accounts;
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
        return Page();
    }
}
