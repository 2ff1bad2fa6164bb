using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Photos;
using HeritageRegistry.Pickers;
using HeritageRegistry.Review;
using HeritageRegistry.Vocabulary;
using HeritageRegistry.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate.Photos;

/// <summary>Upload several photos at once to a place or a report, with a result line per file.</summary>
// The whole request may carry a batch of files; each file is still held to PhotoOptions.MaxBytes.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class UploadModel(PhotoIngest ingest, RecordEditor editor, ReviewStore reviews, PickerStore pickers) : PageModel
{
    private const long MaxRequestBytes = 420L * 1024 * 1024;

    public sealed class InputModel : IValidatableObject
    {
        [Required(ErrorMessage = "Choose the place the photos show.")]
        [Pick(PickerKind.Place)]
        public long? SiteId { get; set; }

        [Pick(PickerKind.Report)]
        public long? ReportId { get; set; }

        public string? Phase { get; set; }

        [Required(ErrorMessage = "Choose a licence.")]
        public string Licence { get; set; } = "unknown";

        [SingleLine(300)]
        public string? Credit { get; set; }

        [SingleLine(1000)]
        public string? Caption { get; set; }

        // Unticked: publishing is a choice the curator makes, never a default.
        public bool Publish { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
            Curate.Validate.Term(Vocab.Licences, Licence, nameof(Licence), required: true)
                .Concat(Curate.Validate.Term(Vocab.PhotoPhases, Phase, nameof(Phase), required: false));
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<IngestResult> Results { get; private set; } = [];

    /// <summary>Opened from a place's or a report's page (?report=PAL-2015-0010), with that record already chosen.</summary>
    public async Task OnGetAsync(long? siteId, string? report, CancellationToken cancellationToken)
    {
        Input.SiteId = siteId;
        if (report is not null && await pickers.ResolveAsync(Picker.Report, report, 2, cancellationToken) is [var chosen]
            && await editor.GetAsync(RecordType.Report, chosen.Id, cancellationToken) is { } found)
        {
            // A photo of a report shows the report's place (PhotoPlacement), so that is chosen too.
            (Input.ReportId, Input.SiteId) = (found.Id, found.Values["site_id"] as long?);
        }
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            ModelState.AddModelError("files", "Choose at least one photo to upload.");
        }
        // Every photo write keeps this rule; checked once for the batch here, before any file is read.
        if (await editor.CheckAsync(RecordType.Photo, new Dictionary<string, object?> { ["site_id"] = Input.SiteId, ["report_id"] = Input.ReportId },
                cancellationToken) is { } refusal)
        {
            ModelState.AddRefusal(refusal, typeof(InputModel));
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var details = new PhotoDetails(Input.SiteId!.Value, Input.ReportId, Validate.Clean(Input.Caption), Validate.Clean(Input.Credit), Input.Licence, Validate.Clean(Input.Phase));
        var results = new List<IngestResult>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var result = await ingest.IngestAsync(Path.GetFileName(file.FileName), stream, details, User.UserId(), cancellationToken);
            // Published only as PublishRight allows (an editor, and for a sensitive place another editor); otherwise a draft.
            if (result is { Status: IngestStatus.Stored, PhotoId: { } id } && Input.Publish
                && (await reviews.PublishAsync(RecordType.Photo, id, 1, User, cancellationToken)).Message is { } kept)
            {
                result = result with { Message = $"{result.Message} Kept as a draft: {kept}".Trim() };
            }
            results.Add(result);
        }
        Results = results;
        // Some files refused and none stored: the request as a whole was not accepted.
        Response.StatusCode = results.Any(r => r.Status != IngestStatus.Rejected) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return Page();
    }
}
