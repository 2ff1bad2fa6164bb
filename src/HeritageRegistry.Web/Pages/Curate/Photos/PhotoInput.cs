using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Pickers;
using HeritageRegistry.Validation;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Pages.Curate.Photos;

/// <summary>A photo's description; its pixels, hash and EXIF are fixed at upload and not editable.</summary>
public sealed class PhotoInput : IValidatableObject, IRecordInput
{
    public long Version { get; set; }

    [Required(ErrorMessage = "Choose the place the photo shows.")]
    [Pick(PickerKind.Place)]
    public long? SiteId { get; set; }

    [Pick(PickerKind.Report)]
    public long? ReportId { get; set; }

    [SingleLine(1000)]
    public string? Caption { get; set; }

    [SingleLine(1000)]
    [Display(Name = "Arabic caption")]
    public string? CaptionAr { get; set; }

    [SingleLine(300)]
    public string? Credit { get; set; }

    [Required(ErrorMessage = "Choose a licence.")]
    public string Licence { get; set; } = "unknown";

    [SingleLine(100)]
    [Display(Name = "Taken (EDTF)")]
    public string? TakenDate { get; set; }

    public string? Phase { get; set; }

    [SingleLine(500)]
    public string? EditNote { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Curate.Validate.Term(Vocab.Licences, Licence, nameof(Licence), required: true)
            .Concat(Curate.Validate.Term(Vocab.PhotoPhases, Phase, nameof(Phase), required: false))
            .Concat(Curate.Validate.Edtf(TakenDate, nameof(TakenDate), required: false));

    public Dictionary<string, object?> ToValues(IReadOnlyDictionary<string, object?> fixedValues) => new(fixedValues)
    {
        ["site_id"] = SiteId, ["report_id"] = ReportId, ["caption"] = Curate.Validate.Clean(Caption),
        ["caption_ar"] = Curate.Validate.Clean(CaptionAr),
        ["credit"] = Curate.Validate.Clean(Credit), ["licence"] = Licence, ["taken_date"] = Curate.Validate.Clean(TakenDate),
        ["phase"] = Curate.Validate.Clean(Phase),
    };

    public static PhotoInput From(IReadOnlyDictionary<string, object?> values, long version) => new()
    {
        Version = version,
        SiteId = values["site_id"] as long?,
        ReportId = values["report_id"] as long?,
        Caption = values["caption"] as string,
        CaptionAr = values["caption_ar"] as string,
        Credit = values["credit"] as string,
        Licence = values["licence"] as string ?? "unknown",
        TakenDate = values["taken_date"] as string,
        Phase = values["phase"] as string,
    };
}
