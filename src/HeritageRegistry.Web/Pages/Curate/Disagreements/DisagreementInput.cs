using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Validation;
using System.Text.RegularExpressions;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Pages.Curate.Disagreements;

/// <summary>The disagreement form: what is disputed, and each version with the sources that give it.</summary>
public sealed partial class DisagreementInput : IValidatableObject, IRecordInput
{
    /// <summary>Empty version slots offered below the filled ones, so a third or fourth version can be added.</summary>
    public const int SpareVersions = 2;

    public sealed class VersionInput
    {
        [SingleLine(1000)]
        public string? Statement { get; set; }

        /// <summary>"S12 p. 4; S40": source references, each optionally followed by a locator.</summary>
        [SingleLine(500)]
        public string? Sources { get; set; }
    }

    public long Version { get; set; }

    public long? ReportId { get; set; }

    public long? SiteId { get; set; }

    [Required(ErrorMessage = "Say what the sources disagree about.")]
    [SingleLine(300)]
    public string Topic { get; set; } = "";

    [Display(Name = "The registry's reading (optional)")]
    [MultiLine(2000)]
    public string? Note { get; set; }

    public List<VersionInput> Versions { get; set; } = [];

    [SingleLine(500)]
    public string? EditNote { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Versions.Count(v => !string.IsNullOrWhiteSpace(v.Statement)) < 2)
        {
            yield return new ValidationResult("A disagreement needs at least two versions.", [$"{nameof(Versions)}[0].{nameof(VersionInput.Statement)}"]);
        }
        for (var i = 0; i < Versions.Count; i++)
        {
            var (statement, sources) = (Versions[i].Statement?.Trim(), Versions[i].Sources?.Trim());
            var field = $"{nameof(Versions)}[{i}]";
            if (string.IsNullOrEmpty(statement) && !string.IsNullOrEmpty(sources))
            {
                yield return new ValidationResult("Give the statement these sources make.", [$"{field}.{nameof(VersionInput.Statement)}"]);
            }
            else if (!string.IsNullOrEmpty(statement) && string.IsNullOrEmpty(sources))
            {
                yield return new ValidationResult("Every version needs at least one source, e.g. S12 or S12 p. 4; S40.", [$"{field}.{nameof(VersionInput.Sources)}"]);
            }
            else if (!string.IsNullOrEmpty(sources) && !SourceList().IsMatch(sources))
            {
                yield return new ValidationResult("Give sources by reference, separated by semicolons, e.g. S12 p. 4; S40.", [$"{field}.{nameof(VersionInput.Sources)}"]);
            }
            // Versions are stored one a line with | before their sources (see DisagreementVersions).
            if (statement?.Contains('|', StringComparison.Ordinal) == true)
            {
                yield return new ValidationResult("A version's statement cannot contain the | character.", [$"{field}.{nameof(VersionInput.Statement)}"]);
            }
        }
    }

    public Dictionary<string, object?> ToValues(long? position) => new()
    {
        ["report_id"] = ReportId, ["site_id"] = ReportId is null ? SiteId : null, ["topic"] = Topic.Trim(),
        ["note"] = Curate.Validate.Clean(Note), ["position"] = position ?? 0,
        ["versions"] = DisagreementVersions.Format(Versions.Where(v => !string.IsNullOrWhiteSpace(v.Statement))
            .Select(v => new VersionText(v.Statement!.Trim(), DisagreementVersions.ParseSources(v.Sources ?? "")))),
    };

    public static DisagreementInput From(IReadOnlyDictionary<string, object?> values, long version) => new()
    {
        Version = version,
        ReportId = values["report_id"] as long?,
        SiteId = values["site_id"] as long?,
        Topic = (string)values["topic"]!,
        Note = values["note"] as string,
        Versions = [.. DisagreementVersions.Parse(values["versions"] as string).Select(v => new VersionInput
        {
            Statement = v.Statement,
            Sources = DisagreementVersions.FormatSources(v.Sources),
        })],
    };

    [GeneratedRegex(@"^[A-Za-z0-9-]+( [^;]*)?(\s*;\s*[A-Za-z0-9-]+( [^;]*)?)*\s*;?$")]
    private static partial Regex SourceList();
}
