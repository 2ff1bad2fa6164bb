using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Pickers;
using HeritageRegistry.Validation;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Pages.Curate.Sites;

/// <summary>The place form and its checks.</summary>
public sealed class SiteInput : IValidatableObject, IRecordInput
{
    public long Version { get; set; }

    [Display(Name = "Address name (slug)")]
    [SingleLine(Text.Slug.MaxLength)]
    public string? Slug { get; set; }

    [Display(Name = "Part of")]
    [Pick(PickerKind.Place)]
    public long? ParentId { get; set; }

    [Required(ErrorMessage = "Choose the kind of place.")]
    public string Kind { get; set; } = "";

    [Required(ErrorMessage = "Give the English name.")]
    [SingleLine(200)]
    [Display(Name = "English name")]
    public string NameEn { get; set; } = "";

    [SingleLine(200)]
    [Display(Name = "Arabic name")]
    public string? NameAr { get; set; }

    [SingleLine(500)]
    public string? Summary { get; set; }

    [SingleLine(500)]
    [Display(Name = "Arabic summary")]
    public string? SummaryAr { get; set; }

    [MultiLine(20_000)]
    public string? Description { get; set; }

    [MultiLine(20_000)]
    [Display(Name = "Arabic description")]
    public string? DescriptionAr { get; set; }

    [Range(-90d, 90d, ErrorMessage = "Latitude runs from -90 to 90 degrees.")]
    public double? Latitude { get; set; }

    [Range(-180d, 180d, ErrorMessage = "Longitude runs from -180 to 180 degrees.")]
    public double? Longitude { get; set; }

    [Display(Name = "Sensitive: show only generalised coordinates in public")]
    public bool IsSensitive { get; set; }

    [SingleLine(300)]
    [Display(Name = "Built / period")]
    public string? Built { get; set; }

    [SingleLine(20)]
    [RegularExpression("^[0-9]+(bis)?$", ErrorMessage = "A UNESCO World Heritage id is a number, e.g. 23.")]
    [Display(Name = "UNESCO WHC id")]
    public string? UnescoWhcId { get; set; }

    [SingleLine(20)]
    [RegularExpression("^[0-9]+$", ErrorMessage = "A Pleiades id is a number, e.g. 668331.")]
    [Display(Name = "Pleiades id")]
    public string? PleiadesId { get; set; }

    [SingleLine(20)]
    [RegularExpression("^Q[0-9]+$", ErrorMessage = "A Wikidata id is Q followed by digits, e.g. Q5747.")]
    [Display(Name = "Wikidata id")]
    public string? WikidataId { get; set; }

    /// <summary>Other names and transliterations, one per line.</summary>
    [MultiLine(4000)]
    public string? OtherNames { get; set; }

    [SingleLine(500)]
    public string? EditNote { get; set; }

    /// <summary>The slug typed, or one made from the English name. A method, not a property: validation reads every property, even before the name is known to be there.</summary>
    public string EffectiveSlug() => string.IsNullOrWhiteSpace(Slug) ? Text.Slug.From(NameEn) : Slug.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in Curate.Validate.Term(Vocab.SiteKinds, Kind, nameof(Kind), required: true))
        {
            yield return result;
        }
        if (!Text.Slug.IsValid(EffectiveSlug()))
        {
            yield return new ValidationResult("Use lower-case letters, digits and single hyphens, e.g. temple-of-bel.", [nameof(Slug)]);
        }
        if (Latitude is null != Longitude is null)
        {
            yield return new ValidationResult("Give both latitude and longitude, or neither.", [Latitude is null ? nameof(Latitude) : nameof(Longitude)]);
        }
        if (Data.Editing.SiteNames.Parse(OtherNames).FirstOrDefault(n => n.Length > 200) is { } tooLong)
        {
            yield return new ValidationResult($"A name is at most 200 characters; '{tooLong[..30]}…' is longer.", [nameof(OtherNames)]);
        }
    }

    public Dictionary<string, object?> ToValues() => new()
    {
        ["slug"] = EffectiveSlug(), ["parent_id"] = ParentId, ["kind"] = Kind, ["name_en"] = NameEn.Trim(),
        ["name_ar"] = Curate.Validate.Clean(NameAr), ["summary"] = Curate.Validate.Clean(Summary),
        ["summary_ar"] = Curate.Validate.Clean(SummaryAr), ["description"] = Curate.Validate.Clean(Description),
        ["description_ar"] = Curate.Validate.Clean(DescriptionAr), ["latitude"] = Latitude, ["longitude"] = Longitude,
        ["is_sensitive"] = IsSensitive ? 1L : 0L, ["built"] = Curate.Validate.Clean(Built),
        ["unesco_whc_id"] = Curate.Validate.Clean(UnescoWhcId), ["pleiades_id"] = Curate.Validate.Clean(PleiadesId),
        ["wikidata_id"] = Curate.Validate.Clean(WikidataId),
        ["other_names"] = string.Join('\n', Data.Editing.SiteNames.Parse(OtherNames)),
    };

    public static SiteInput From(IReadOnlyDictionary<string, object?> values, long version) => new()
    {
        Version = version,
        Slug = (string)values["slug"]!,
        ParentId = values["parent_id"] as long?,
        Kind = (string)values["kind"]!,
        NameEn = (string)values["name_en"]!,
        NameAr = values["name_ar"] as string,
        Summary = values["summary"] as string,
        SummaryAr = values["summary_ar"] as string,
        Description = values["description"] as string,
        DescriptionAr = values["description_ar"] as string,
        Latitude = values["latitude"] is { } lat ? Convert.ToDouble(lat, System.Globalization.CultureInfo.InvariantCulture) : null,
        Longitude = values["longitude"] is { } lon ? Convert.ToDouble(lon, System.Globalization.CultureInfo.InvariantCulture) : null,
        IsSensitive = values["is_sensitive"] is long sensitive && sensitive != 0,
        Built = values["built"] as string,
        UnescoWhcId = values["unesco_whc_id"] as string,
        PleiadesId = values["pleiades_id"] as string,
        WikidataId = values["wikidata_id"] as string,
        OtherNames = values["other_names"] as string,
    };
}
