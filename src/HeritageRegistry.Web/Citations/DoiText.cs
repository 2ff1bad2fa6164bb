using System.Text.RegularExpressions;

namespace HeritageRegistry.Citations;

/// <summary>
/// A DOI as the registry keeps it: the bare "10.xxxx/suffix", whether it was typed as that, as
/// "doi:10…" or as a doi.org link. DOIs are case-insensitive, so comparisons lower-case them.
/// </summary>
public static partial class DoiText
{
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var doi = Prefix().Replace(value.Trim(), "");
        return doi.Length == 0 ? null : doi;
    }

    public static bool IsValid(string doi) => Shape().IsMatch(doi);

    /// <summary>The form duplicates are matched on.</summary>
    public static string? Key(string? value) => Normalise(value)?.ToLowerInvariant();

    [GeneratedRegex(@"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$")]
    private static partial Regex Shape();
}
