using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Display;
using HeritageRegistry.Review;
using HeritageRegistry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate.Reviews;

/// <summary>The editors' review queue: every submission with what it would change, to approve or send back with a comment.
/// Editors only (the folder's policy).</summary>
public sealed class IndexModel(ReviewItems reviewItems, ReviewStore reviews) : PageModel
{
    public ReviewListing Queue { get; private set; } = new([], new RevisionText(new Dictionary<RecordKey, string>()));

    public IReadOnlyList<QueueItem> Items => Queue.Items;

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The submission the problem is about, so its form shows the message and keeps the comment typed.</summary>
    public long? ProblemId { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The problem when it belongs to no submission on the page (a form that did not bind), shown above the queue.</summary>
    public string? PageProblem => Items.Any(item => item.Submission.Id == ProblemId) ? null : Problem;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await reviewItems.PendingAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(long id, long version, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(id, comment, required: false, "Approved and published.",
            () => reviews.ApproveAsync(id, version, User, comment, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(long id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(id, comment, required: true, "Sent back to its author with your comment.",
            () => reviews.ReturnAsync(id, User.UserId(), comment!, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, string? comment, bool required, string done, Func<Task<SaveResult>> decide,
        CancellationToken cancellationToken)
    {
        var problem = !ModelState.IsValid ? "This form was not sent as the page made it. Reload the page and try again."
            : required && string.IsNullOrWhiteSpace(comment) ? "Say what needs to change: the comment is what its author will read."
            : TextAttribute.Problem(comment, Submission.MaxComment, multiLine: true) is { } bad ? $"Comment: {bad}"
            : null;
        var result = problem is null ? await decide() : new SaveResult(SaveStatus.Refused, Message: problem);
        if (result.Status == SaveStatus.Saved)
        {
            Status = done;
            return RedirectToPage();
        }
        if (result.Status == SaveStatus.NotFound)
        {
            return NotFound();
        }
        (Problem, ProblemId, Comment) = (result.Message ?? "The record changed after this page was loaded. Look at the queue again.", id, comment);
        Queue = await reviewItems.PendingAsync(cancellationToken);
        Response.StatusCode = result.Status switch
        {
            SaveStatus.Conflict => StatusCodes.Status409Conflict,
            SaveStatus.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}
