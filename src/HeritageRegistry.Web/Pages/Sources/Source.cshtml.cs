using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
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
        return Page();
    }
}
