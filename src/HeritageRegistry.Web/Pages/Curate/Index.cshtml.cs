using HeritageRegistry.Data.Editing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>The curators' desk: recent changes across the whole registry.</summary>
public sealed class IndexModel(RecordEditor editor) : PageModel
{
    public IReadOnlyList<RecordEditor.Revision> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recent = await editor.RecentAsync(50, cancellationToken);
}
