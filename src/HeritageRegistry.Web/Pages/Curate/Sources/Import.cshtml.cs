using System.ComponentModel.DataAnnotations;
using System.Text;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate.Sources;

/// <summary>
/// Import sources from a BibTeX, RIS or CSL-JSON file, pasted or uploaded: first a preview of every
/// entry with its problems and duplicates, then, only if no entry has a problem, create them all at once.
/// </summary>
[RequestSizeLimit(MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 1024 * 1024, ValueLengthLimit = MaxFileBytes)]
public sealed class ImportModel(CurateStore curate, RecordEditor editor) : PageModel
{
    public const int MaxFileBytes = 4 * 1024 * 1024;

    public sealed class InputModel : IValidatableObject
    {
        [Display(Name = "Paste the entries")]
        public string? Text { get; set; }

        public string Format { get; set; } = "auto";

        public string DefaultKind { get; set; } = "news";

        public bool Publish { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Format is not ("auto" or "bibtex" or "ris" or "csl-json"))
            {
                yield return new ValidationResult("Choose BibTeX, RIS, CSL-JSON, or let the registry tell.", [nameof(Format)]);
            }
            // Optional: without it, an entry whose file does not say its kind is a problem of that entry.
            foreach (var problem in Curate.Validate.Term(Vocab.SourceKinds, DefaultKind, nameof(DefaultKind), required: false))
            {
                yield return problem;
            }
        }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public SourceImportPlan? Plan { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            Input.Text = await ReadAsync(file, cancellationToken);
        }
        return await PlanAsync(cancellationToken) ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (Input.Publish && PublishRight.Refusal(User, new ReviewSubject(false, new HashSet<long>())) is { } refusal)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Publish)}", refusal);
        }
        if (!await PlanAsync(cancellationToken) || Plan is not { CanCreate: true } plan)
        {
            return Refused();
        }
        var rows = plan.Ready.ToList();
        var ids = await editor.CreateManyAsync(RecordType.Source, [.. rows.Select(r => r.Input.ToValues(null))], User.UserId(),
            $"Imported from a {plan.Format} file", cancellationToken,
            async (connection, transaction, values) => values["reference"] = await CurateStore.NextSourceReferenceAsync(connection, transaction),
            Input.Publish);
        if (ids.Count != rows.Count)
        {
            ModelState.AddModelError("", "Another curator added a source with the same reference meanwhile; nothing was imported. Try again.");
            return Refused();
        }
        var skipped = plan.Rows.Count - rows.Count;
        Status = $"Imported {rows.Count} source{(rows.Count == 1 ? "" : "s")} as {(Input.Publish ? "published records" : "drafts")}"
            + (skipped > 0 ? $"; {skipped} duplicate{(skipped == 1 ? " was" : "s were")} skipped." : ".");
        return RedirectToPage("/Curate/Sources/Index");
    }

    /// <summary>Reads and checks the file into <see cref="Plan"/>; false when it may not be imported as it stands.</summary>
    private async Task<bool> PlanAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Text))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Text)}", "Paste some entries or choose a file.");
            return false;
        }
        // The preview is shown whatever else is wrong, so every problem (and the field it belongs to) is seen at once.
        Plan = await SourceImportPlan.MakeAsync(Input.Text, Input.Format, Input.DefaultKind, curate, cancellationToken);
        return ModelState.IsValid && Plan.FileProblems.Count == 0 && Plan.Rows.All(r => r.Problems.Count == 0);
    }

    private async Task<string?> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB; split it into smaller files.");
            return null;
        }
        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("file", "The file is not UTF-8 text. Save it as UTF-8 and try again.");
            return null;
        }
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
