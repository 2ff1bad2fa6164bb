using HeritageRegistry.Accounts;
using HeritageRegistry.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate.Import;

/// <summary>One import: the records it made, and undoing it as a whole.</summary>
public sealed class ShowModel(ImportStore imports) : PageModel
{
    public ImportSummary Import { get; private set; } = new();

    public IReadOnlyList<ImportedRecord> Records { get; private set; } = [];

    /// <summary>Changes made since the import, when they stopped an undo.</summary>
    public IReadOnlyList<LaterEdit> Edits { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUndoAsync(long id, CancellationToken cancellationToken)
    {
        var (status, edits) = await imports.UndoAsync(id, User.UserId(), cancellationToken);
        switch (status)
        {
            case UndoStatus.NotFound:
                return NotFound();
            case UndoStatus.Undone:
                TempData["Status"] = "Undone: the records this import made are deleted (each can still be restored from its page).";
                return RedirectToPage(new { id });
        }
        await LoadAsync(id, cancellationToken);
        (Edits, Problem) = status == UndoStatus.AlreadyUndone
            ? ([], "This import has already been undone.")
            : (edits, "Nothing was undone: these records were changed after the import. Undo or keep those changes first.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await imports.GetAsync(id, cancellationToken) is not { } import)
        {
            return false;
        }
        Import = import;
        Records = await imports.RecordsAsync(id, cancellationToken);
        return true;
    }
}
