using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Sources;

public sealed class IndexModel(SourceStore sources) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<SourceListItem> Sources { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Kind) && !Vocab.SourceKinds.Contains(Kind))
        {
            ModelState.AddModelError(nameof(Kind), $"'{Kind}' is not a kind of source. Choose one from the list.");
        }
        if (Year is < 1 or > 9999)
        {
            ModelState.AddModelError(nameof(Year), "The year must be a number from 1 to 9999.");
        }
        Years = await sources.YearsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            // Say what was wrong and show nothing half-filtered.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Sources = await sources.ListAsync(string.IsNullOrEmpty(Kind) ? null : Kind, Year, cancellationToken);
        return Page();
    }
}
