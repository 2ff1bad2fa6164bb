using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Display;
using HeritageRegistry.Review;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>The curators' desk: what editors sent back to this curator, and recent changes across the whole registry.</summary>
public sealed class IndexModel(RecordEditor editor, ReviewItems queue, RecordNames names) : PageModel
{
    public IReadOnlyList<RecordEditor.Revision> Recent { get; private set; } = [];

    public IReadOnlyList<QueueItem> Returned { get; private set; } = [];

    public RevisionText Text { get; private set; } = new(new Dictionary<RecordKey, string>());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Recent = await editor.RecentAsync(50, cancellationToken);
        Returned = User.UserId() is { } userId ? (await queue.ReturnedToAsync(userId, cancellationToken)).Items : [];
        Text = await RevisionText.ForAsync(names, Recent, cancellationToken);
    }
}
