using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Pickers;
using HeritageRegistry.Validation;
using HeritageRegistry.Dates;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Pages.Curate.Reports;

/// <summary>The report form: what a curator may type, and every check on it.</summary>
public sealed class ReportInput : IValidatableObject, IRecordInput
{
    public long Version { get; set; }

    [Required(ErrorMessage = "Choose the place this report is about.")]
    [Display(Name = "Place")]
    [Pick(PickerKind.Place)]
    public long? SiteId { get; set; }

    [Required(ErrorMessage = "Say whether this is damage, a restoration or a context event.")]
    public string Kind { get; set; } = "";

    [Required(ErrorMessage = "Give the report a short title.")]
    [SingleLine(200)]
    public string Title { get; set; } = "";

    [SingleLine(200)]
    [Display(Name = "Arabic title")]
    public string? TitleAr { get; set; }

    [Required(ErrorMessage = "Enter a date, e.g. 2015-08-30, 2015-08 or 2015-06/2015-09-02.")]
    [SingleLine(100)]
    [Display(Name = "Event date (EDTF)")]
    public string EventDate { get; set; } = "";

    [SingleLine(100)]
    [Display(Name = "Reported date (EDTF)")]
    public string? ReportedDate { get; set; }

    public string? Cause { get; set; }
    public string? Effect { get; set; }
    public string? Severity { get; set; }
    public string? Extent { get; set; }
    public string? Certainty { get; set; }

    [Required(ErrorMessage = "Choose a verification status.")]
    public string Verification { get; set; } = "";

    public string? Method { get; set; }

    [SingleLine(200)]
    public string? Assessor { get; set; }

    [MultiLine(20_000)]
    public string? Description { get; set; }

    [MultiLine(20_000)]
    [Display(Name = "Arabic description")]
    public string? DescriptionAr { get; set; }

    [Display(Name = "Edit note")]
    [SingleLine(500)]
    public string? EditNote { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Curate.Validate.Edtf(EventDate, nameof(EventDate), required: true)
            .Concat(Curate.Validate.Edtf(ReportedDate, nameof(ReportedDate), required: false))
            .Concat(Curate.Validate.Term(Vocab.ReportKinds, Kind, nameof(Kind), required: true))
            .Concat(Curate.Validate.Term(Vocab.Causes, Cause, nameof(Cause), required: false))
            .Concat(Curate.Validate.Term(Vocab.Effects, Effect, nameof(Effect), required: false))
            .Concat(Curate.Validate.Term(Vocab.Severities, Severity, nameof(Severity), required: false))
            .Concat(Curate.Validate.Term(Vocab.Extents, Extent, nameof(Extent), required: false))
            .Concat(Curate.Validate.Term(Vocab.Certainties, Certainty, nameof(Certainty), required: false))
            .Concat(Curate.Validate.Term(Vocab.Verifications, Verification, nameof(Verification), required: true))
            .Concat(Curate.Validate.Term(Vocab.Methods, Method, nameof(Method), required: false))
            .Concat(Kind == "event" && !string.IsNullOrEmpty(Severity)
                ? [new ValidationResult("A context event has no severity: leave it empty, or make this a damage report.", [nameof(Severity)])]
                : []);

    /// <summary>The columns to save; the date bounds are computed here so filters never disagree with the text.</summary>
    public Dictionary<string, object?> ToValues(string? reference)
    {
        var date = EdtfDate.Parse(EventDate);
        return new()
        {
            ["reference"] = reference, ["site_id"] = SiteId, ["kind"] = Kind, ["title"] = Title.Trim(),
            ["title_ar"] = Curate.Validate.Clean(TitleAr),
            ["event_date"] = date.Text, ["event_earliest"] = Data.Clock.ToText(date.Earliest), ["event_latest"] = Data.Clock.ToText(date.Latest),
            ["reported_date"] = Curate.Validate.Clean(ReportedDate), ["cause"] = Curate.Validate.Clean(Cause), ["effect"] = Curate.Validate.Clean(Effect),
            ["severity"] = Curate.Validate.Clean(Severity), ["extent"] = Curate.Validate.Clean(Extent), ["certainty"] = Curate.Validate.Clean(Certainty),
            ["verification"] = Verification, ["method"] = Curate.Validate.Clean(Method), ["assessor"] = Curate.Validate.Clean(Assessor),
            ["description"] = Curate.Validate.Clean(Description), ["description_ar"] = Curate.Validate.Clean(DescriptionAr),
        };
    }

    public static ReportInput From(IReadOnlyDictionary<string, object?> values, long version) => new()
    {
        Version = version,
        SiteId = values["site_id"] as long?,
        Kind = (string)values["kind"]!,
        Title = (string)values["title"]!,
        TitleAr = values["title_ar"] as string,
        EventDate = (string)values["event_date"]!,
        ReportedDate = values["reported_date"] as string,
        Cause = values["cause"] as string,
        Effect = values["effect"] as string,
        Severity = values["severity"] as string,
        Extent = values["extent"] as string,
        Certainty = values["certainty"] as string,
        Verification = (string)values["verification"]!,
        Method = values["method"] as string,
        Assessor = values["assessor"] as string,
        Description = values["description"] as string,
        DescriptionAr = values["description_ar"] as string,
    };
}
