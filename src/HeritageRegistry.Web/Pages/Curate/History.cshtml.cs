using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Display;
using HeritageRegistry.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>Every revision of one record with its field-level changes; any earlier version can be restored.</summary>
public sealed class HistoryModel(RecordEditor editor, ReviewStore reviews, RecordNames names) : PageModel
{
    public RecordType Type { get; private set; } = RecordType.Report;
    public EditableRecord Record { get; private set; } = null!;
    public IReadOnlyList<RecordEditor.Revision> Revisions { get; private set; } = [];
    public RevisionText Text { get; private set; } = new(new Dictionary<RecordKey, string>());

    /// <summary>The record's name ("PAL-2015-0010 · Destruction of the Temple of Bel").</summary>
    public string Name => Text.Name(Type.Name, Record.Id);

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    public static string EditPath(RecordType type, long id) => type == RecordType.Citation ? "/curate" : $"/curate/{type.Name}s/edit/{id}";

    public async Task<IActionResult> OnGetAsync(string type, long id, CancellationToken cancellationToken) =>
        await LoadAsync(type, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string type, long id, long revisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(type, id, cancellationToken))
        {
            return NotFound();
        }
        // Restoring a published record's earlier version changes what the public sees: the publication rule decides, as for a save.
        var values = Revisions.FirstOrDefault(r => r.Id == revisionId && r.Action != "submit")?.AfterJson is { } json
            ? Snapshot.FromJson(json).Where(field => Type.Columns.Contains(field.Key) || field.Key == Type.Children?.Field).ToDictionary()
            : null;
        var submit = values is not null && Record is { Publication: "published", IsDeleted: false }
            && PublishRight.Refusal(User, (await reviews.SubjectAsync(Type, Record, values, cancellationToken)).WithAuthor(User.UserId())) is not null;
        var result = submit
            ? await reviews.SubmitAsync(Type, id, Record.Version, values, User.UserId(), "Restore an earlier version", cancellationToken)
            : await editor.RestoreRevisionAsync(Type, id, revisionId, User.UserId(), cancellationToken);
        if (result.Status == SaveStatus.Saved)
        {
            Status = submit ? "That version is submitted for review: the public sees the published version until an editor approves it."
                : "Restored that version. The restore is itself a new revision, so it can be undone the same way.";
            return RedirectToPage(new { type, id });
        }
        if (result.Status == SaveStatus.NotFound)
        {
            return NotFound();
        }
        Problem = result.Message ?? "The record changed while restoring; look at the history again and retry.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(type, id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string type, long id, CancellationToken cancellationToken)
    {
        if (RecordType.Find(type) is not { } recordType || await editor.GetAsync(recordType, id, cancellationToken) is not { } record)
        {
            return false;
        }
        (Type, Record) = (recordType, record);
        Revisions = await editor.HistoryAsync(recordType, id, cancellationToken);
        Text = await RevisionText.ForAsync(names, Revisions, cancellationToken, new RecordKey(recordType.Name, id));
        return true;
    }
}
