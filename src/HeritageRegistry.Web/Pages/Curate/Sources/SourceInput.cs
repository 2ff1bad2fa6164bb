using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Validation;
using HeritageRegistry.Dates;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Pages.Curate.Sources;

/// <summary>The source form and its checks.</summary>
public sealed class SourceInput : IValidatableObject, IRecordInput
{
    public long Version { get; set; }

    [Required(ErrorMessage = "Choose the kind of source.")]
    public string Kind { get; set; } = "";

    [Required(ErrorMessage = "Give the source's title.")]
    [SingleLine(500)]
    public string Title { get; set; } = "";

    [SingleLine(300)]
    public string? Publisher { get; set; }

    [SingleLine(1000)]
    public string? Authors { get; set; }

    [SingleLine(100)]
    [Display(Name = "Published (EDTF)")]
    public string? PublishedDate { get; set; }

    [Display(Name = "Web address")]
    [SingleLine(2000)]
    public string? Url { get; set; }

    [Display(Name = "Archived copy")]
    [SingleLine(2000)]
    public string? ArchivedUrl { get; set; }

    [SingleLine(300)]
    public string? Doi { get; set; }

    [SingleLine(100)]
    [Display(Name = "Accessed (EDTF)")]
    public string? AccessedDate { get; set; }

    [SingleLine(12)]
    [RegularExpression("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", ErrorMessage = "Use a language code such as en, ar or fr.")]
    public string? Language { get; set; }

    [Display(Name = "Notes (reliability, how it was read)")]
    [MultiLine(5000)]
    public string? Notes { get; set; }

    [SingleLine(500)]
    public string? EditNote { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Curate.Validate.Term(Vocab.SourceKinds, Kind, nameof(Kind), required: true)
            .Concat(Curate.Validate.Edtf(PublishedDate, nameof(PublishedDate), required: false))
            .Concat(Curate.Validate.Edtf(AccessedDate, nameof(AccessedDate), required: false))
            .Concat(Curate.Validate.WebAddress(Url, nameof(Url)))
            .Concat(Curate.Validate.WebAddress(ArchivedUrl, nameof(ArchivedUrl)))
            .Concat(Curate.Validate.Doi(Doi, nameof(Doi)));

    public Dictionary<string, object?> ToValues(string? reference)
    {
        var published = string.IsNullOrWhiteSpace(PublishedDate) ? null : EdtfDate.Parse(PublishedDate);
        return new()
        {
            ["reference"] = reference, ["kind"] = Kind, ["title"] = Title.Trim(), ["publisher"] = Curate.Validate.Clean(Publisher),
            ["authors"] = Curate.Validate.Clean(Authors), ["published_date"] = published?.Text,
            ["published_earliest"] = published is null ? null : Data.Clock.ToText(published.Earliest),
            ["published_latest"] = published is null ? null : Data.Clock.ToText(published.Latest),
            ["url"] = Curate.Validate.Clean(Url), ["archived_url"] = Curate.Validate.Clean(ArchivedUrl),
            ["accessed_date"] = Curate.Validate.Clean(AccessedDate), ["language"] = Curate.Validate.Clean(Language),
            ["notes"] = Curate.Validate.Clean(Notes), ["doi"] = Citations.DoiText.Normalise(Doi),
        };
    }

    public static SourceInput From(IReadOnlyDictionary<string, object?> values, long version) => new()
    {
        Version = version,
        Kind = (string)values["kind"]!,
        Title = (string)values["title"]!,
        Publisher = values["publisher"] as string,
        Authors = values["authors"] as string,
        PublishedDate = values["published_date"] as string,
        Url = values["url"] as string,
        ArchivedUrl = values["archived_url"] as string,
        AccessedDate = values["accessed_date"] as string,
        Language = values["language"] as string,
        Notes = values["notes"] as string,
        Doi = values["doi"] as string,
    };
}
