using System.Data;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;
using HeritageRegistry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate;

/// <summary>What every curator form carries besides its own fields.</summary>
public interface IRecordInput
{
    /// <summary>The version the form was loaded from: a save against any other version is a conflict.</summary>
    long Version { get; set; }

    string? EditNote { get; }
}

/// <summary>
/// The create / edit / publish / delete cycle shared by the edit pages of sites, reports and sources.
/// A page supplies its record type, how its form maps to columns, and any extra checks.
/// </summary>
public abstract class RecordEditPageModel<TInput>(RecordEditor editor, CurateStore curate, ReviewStore reviews) : PageModel, ICitationEditor where TInput : class, IRecordInput, new()
{
    protected RecordEditor Editor => editor;

    protected CurateStore Curate => curate;

    protected abstract RecordType Type { get; }

    /// <summary>Where this record's sources are linked; null for records that cite nothing themselves.</summary>
    protected virtual CitationTarget? CitationTarget => null;

    public bool HasCitations => CitationTarget is not null;
    public CitationInput Citation { get; private set; } = new();
    public IReadOnlyList<CitationRow> Citations { get; private set; } = [];
    public IReadOnlyList<DisagreementRow> Disagreements { get; private set; } = [];

    public TInput Input { get; protected set; } = new();
    public EditableRecord? Record { get; protected set; }

    /// <summary>The record's review: its latest submission, and what this user may publish.</summary>
    public RecordReview Review { get; private set; } = RecordReview.None;

    /// <summary>When another curator saved first: the fields where their saved version differs from this form.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }

    /// <summary>Route values for this page's forms: the record's id once it has one, none for a new record.</summary>
    public Dictionary<string, string> IdRoute => Record is null ? [] : new() { ["id"] = Record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; protected set; }

    /// <summary>A message for this answer only (unlike <see cref="Status"/>, which is carried across a redirect).</summary>
    public string? Notice { get; private set; }

    protected abstract TInput FromRecord(EditableRecord record);

    protected abstract Dictionary<string, object?> ToValues(TInput input, EditableRecord? existing);

    /// <summary>Checks that need the database (unique names, existing parents); add errors to ModelState.</summary>
    protected virtual Task CheckAsync(TInput input, EditableRecord? existing, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Fills values that must be computed inside the create transaction.</summary>
    protected virtual Task PrepareCreateAsync(IDbConnection connection, IDbTransaction transaction, Dictionary<string, object?> values) => Task.CompletedTask;

    /// <summary>Loads what the page shows besides the form (choices, related rows).</summary>
    protected virtual Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual string CreatedMessage => "Draft created. Publish it when it is ready.";

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            Record = await editor.GetAsync(Type, existing, cancellationToken);
            if (Record is null)
            {
                return NotFound();
            }
            Review = await reviews.ForRecordAsync(Type, Record, User, cancellationToken);
            // A change waiting for review (or sent back to be mended) is what its author goes on editing, not the published values.
            Input = FromRecord(Review.OpenChange(Record, User.UserId()) is { } change ? Record with { Values = change } : Record);
        }
        return await ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(long? id, [Bind(Prefix = nameof(Input))] TInput input, CancellationToken cancellationToken)
    {
        Input = input;
        if (id is { } existing && (Record = await editor.GetAsync(Type, existing, cancellationToken)) is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            await CheckAsync(input, Record, cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }
        var values = ToValues(input, Record);
        // A published record changes in public only by PublishRight: whoever may not publish their own change submits it for review.
        var submit = Record is { Publication: "published", IsDeleted: false }
            && PublishRight.Refusal(User, (await reviews.SubjectAsync(Type, Record, values, cancellationToken)).WithAuthor(User.UserId())) is not null;
        var result = Record is null
            ? await editor.CreateAsync(Type, values, User.UserId(), input.EditNote, cancellationToken, PrepareCreateAsync)
            : submit ? await reviews.SubmitAsync(Type, Record.Id, input.Version, values, User.UserId(), input.EditNote, cancellationToken)
            : await editor.UpdateAsync(Type, Record.Id, input.Version, values, User.UserId(), input.EditNote, cancellationToken);
        switch (result.Status)
        {
            case SaveStatus.Saved:
                Status = Record is null ? CreatedMessage
                    : submit ? "Your change is waiting for an editor's review. The public sees the published version until it is approved."
                    : Record.Publication == "published" ? "Saved and published." : "Saved.";
                return RedirectToPage(new { id = result.Id });
            case SaveStatus.Conflict:
                // Keep what this curator typed and show what the other saved; the next save is a deliberate overwrite.
                Conflict = Snapshot.Diff(ToValues(input, result.Current), result.Current!.Values);
                Record = result.Current;
                Input.Version = result.Current.Version;
                ModelState.Remove($"{nameof(Input)}.{nameof(IRecordInput.Version)}"); // else the form re-shows the posted, stale version
                return await ShowAsync(StatusCodes.Status409Conflict, cancellationToken);
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Refused when result.Column is not null:
                ModelState.AddRefusal(new Refusal(result.Column, result.Message!), typeof(TInput));
                return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
            default:
                Problem = result.Message;
                return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    public Task<IActionResult> OnPostPublishAsync(long id, long version, CancellationToken cancellationToken) =>
        ApplyAsync(id, "Published: it is now on the public site.", () => reviews.PublishAsync(Type, id, version, User, cancellationToken), cancellationToken);

    /// <summary>Asks an editor to publish the draft as it stands, with an optional comment for them.</summary>
    public Task<IActionResult> OnPostSubmitAsync(long id, long version, string? comment, CancellationToken cancellationToken) =>
        ApplyAsync(id, "Submitted for review. An editor will publish it or send it back with a comment.",
            () => TextAttribute.Problem(comment, Submission.MaxComment, multiLine: true) is { } problem
                ? Task.FromResult(new SaveResult(SaveStatus.Refused, Message: $"Comment: {problem}"))
                : reviews.SubmitAsync(Type, id, version, null, User.UserId(), comment, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(long id, long version, CancellationToken cancellationToken) =>
        ApplyAsync(id, "Withdrawn to draft: the public no longer sees it.",
            () => editor.SetPublishedAsync(Type, id, version, false, User.UserId(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(long id, long version, CancellationToken cancellationToken) =>
        ApplyAsync(id, "Deleted. It can be restored from this page.",
            () => editor.SetDeletedAsync(Type, id, version, true, User.UserId(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUndeleteAsync(long id, long version, CancellationToken cancellationToken) =>
        ApplyAsync(id, "Restored from deletion.",
            () => editor.SetDeletedAsync(Type, id, version, false, User.UserId(), cancellationToken), cancellationToken);

    /// <summary>
    /// Cites a source. The button belongs to the record's form, so the record's fields come with the post:
    /// unsaved edits to them are shown again, still unsaved, instead of being lost to a reload.
    /// </summary>
    public async Task<IActionResult> OnPostAddCitationAsync(long id, [Bind(Prefix = nameof(Citation))] CitationInput citation,
        [Bind(Prefix = nameof(Input))] TInput input, CancellationToken cancellationToken)
    {
        if (CitationTarget is not { } target || (Record = await editor.GetAsync(Type, id, cancellationToken)) is null)
        {
            return NotFound();
        }
        (Citation, Input) = (citation, input);
        // Only the citation's own fields decide; a half-finished edit of the record does not stop a source being cited.
        if (ModelState.FindKeysWithPrefix(nameof(Citation)).Any(entry => entry.Value.Errors.Count > 0))
        {
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }
        var position = (await curate.CitationsAsync(target, id, cancellationToken)).Count;
        await editor.CreateAsync(RecordType.Citation, new Dictionary<string, object?>
        {
            ["source_id"] = citation.SourceId, [target.Column] = id, ["locator"] = Validate.Clean(citation.Locator),
            ["quote"] = Validate.Clean(citation.Quote), ["position"] = position,
        }, User.UserId(), null, cancellationToken);
        if (ModelState.IsValid && ToValues(input, Record).All(field => Snapshot.Text(field.Value) == Snapshot.Text(Record.Values.GetValueOrDefault(field.Key))))
        {
            Status = "Source cited.";
            return RedirectToPage(new { id });
        }
        Notice = "Source cited. Your changes to the fields above are not saved yet: press Save to keep them.";
        Citation = new();
        foreach (var key in ModelState.FindKeysWithPrefix(nameof(Citation)).Select(entry => entry.Key).ToList())
        {
            ModelState.Remove(key); // else the cited source is shown again, ready to be cited twice
        }
        return await ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>Corrects where in the source, or the quote, without removing and re-citing (so its history stays one record).</summary>
    public async Task<IActionResult> OnPostUpdateCitationAsync(long id, long citationId, long citationVersion, string? locator, string? quote,
        CancellationToken cancellationToken)
    {
        var citations = CitationTarget is { } target ? await curate.CitationsAsync(target, id, cancellationToken) : [];
        if (citations.All(c => c.Id != citationId) || await editor.GetAsync(RecordType.Citation, citationId, cancellationToken) is not { } existing)
        {
            return NotFound();
        }
        var problem = TextAttribute.Problem(locator, CitationInput.MaxLocator, multiLine: false) is { } inLocator ? $"Where in the source: {inLocator}"
            : TextAttribute.Problem(quote, CitationInput.MaxQuote, multiLine: true) is { } inQuote ? $"Quote: {inQuote}"
            : null;
        if (problem is not null)
        {
            return await ApplyAsync(id, "", () => Task.FromResult(new SaveResult(SaveStatus.Refused, Message: problem)), cancellationToken);
        }
        var values = new Dictionary<string, object?>(existing.Values) { ["locator"] = Validate.Clean(locator), ["quote"] = Validate.Clean(quote) };
        return await ApplyAsync(id, "Citation corrected.",
            () => editor.UpdateAsync(RecordType.Citation, citationId, citationVersion, values, User.UserId(), null, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveCitationAsync(long id, long citationId, long citationVersion, CancellationToken cancellationToken)
    {
        var citations = CitationTarget is { } target ? await curate.CitationsAsync(target, id, cancellationToken) : [];
        if (citations.All(c => c.Id != citationId))
        {
            return NotFound();
        }
        // The editor refuses to take the last source from a published report (PublishRules), inside its transaction.
        return await ApplyAsync(id, "Citation removed.",
            () => editor.SetDeletedAsync(RecordType.Citation, citationId, citationVersion, true, User.UserId(), cancellationToken), cancellationToken);
    }

    /// <summary>Runs a one-button change; on refusal or conflict, shows the record as it now is with the reason.</summary>
    protected async Task<IActionResult> ApplyAsync(long id, string done, Func<Task<SaveResult>> change, CancellationToken cancellationToken)
    {
        // A hidden field that did not bind (a version of "abc") would otherwise reach the editor as 0.
        var result = ModelState.IsValid ? await change()
            : new SaveResult(SaveStatus.Refused, Message: "This form was not sent as the page made it. Reload the page and try again.");
        if (result.Status == SaveStatus.Saved)
        {
            Status = done;
            return RedirectToPage(new { id });
        }
        if (result.Status == SaveStatus.NotFound || (Record = await editor.GetAsync(Type, id, cancellationToken)) is null)
        {
            return NotFound();
        }
        Input = FromRecord(Record);
        Problem = result.Status == SaveStatus.Conflict
            ? "Someone changed this record after you opened the page. It is shown as it is now; try again."
            : result.Message;
        return await ShowAsync(result.Status switch
        {
            SaveStatus.Conflict => StatusCodes.Status409Conflict,
            SaveStatus.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        }, cancellationToken);
    }

    protected async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        if (CitationTarget is { } target && Record is not null)
        {
            Citations = await curate.CitationsAsync(target, Record.Id, cancellationToken);
            Disagreements = target.HasDisagreements ? await curate.DisagreementsAsync(target, Record.Id, cancellationToken) : [];
        }
        if (Record is not null && Review == RecordReview.None)
        {
            Review = await reviews.ForRecordAsync(Type, Record, User, cancellationToken);
        }
        await LoadAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
