using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Sites;

public sealed class SiteModel(SiteStore sites) : PageModel
{
    public SitePage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await sites.GetPageAsync(slug, User.IsCurator(), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Data = page;
        return Page();
    }
}
