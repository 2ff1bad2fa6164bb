using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Sites;

public sealed class IndexModel(SiteStore sites) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Places in hierarchy order, each with its depth (Palmyra > Temple of Bel > cella).</summary>
    public IReadOnlyList<(SiteListItem Site, int Depth)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Kind) && !Vocab.SiteKinds.Contains(Kind))
        {
            ModelState.AddModelError(nameof(Kind), $"'{Kind}' is not a kind of place. Choose one from the list.");
            Kind = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        var list = await sites.ListAsync(string.IsNullOrEmpty(Kind) ? null : Kind, cancellationToken);
        // Filtered lists are flat: a tomb's parent may not be a tomb.
        Rows = string.IsNullOrEmpty(Kind) ? SiteTree.Flatten(list) : [.. list.Select(s => (s, 0))];
        return Page();
    }
}
