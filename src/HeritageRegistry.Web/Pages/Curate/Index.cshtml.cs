using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Display;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>The curators' desk: recent changes across the whole registry.</summary>
public sealed class IndexModel(RecordEditor editor, RecordNames names) : PageModel
{
    public IReadOnlyList<RecordEditor.Revision> Recent { get; private set; } = [];

    public RevisionText Text { get; private set; } = new(new Dictionary<RecordKey, string>());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Recent = await editor.RecentAsync(50, cancellationToken);
        Text = await RevisionText.ForAsync(names, Recent, cancellationToken);
    }
}
