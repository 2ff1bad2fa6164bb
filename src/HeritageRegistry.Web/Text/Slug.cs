using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HeritageRegistry.Text;

/// <summary>Readable, stable URL names such as <c>temple-of-bel</c>.</summary>
public static partial class Slug
{
    public const int MaxLength = 80;

    // Transliterations of Arabic and Aramaic names write ayn and hamza as apostrophe-like marks
    // (Bene'a, Baʿal); dropping them keeps a name in one piece instead of splitting it at a dash.
    internal const string Apostrophes = "'\u2018\u2019\u02BC\u02BE\u02BF`";

    // Latin letters that Unicode does not decompose into a base letter plus a mark.
    internal static readonly IReadOnlyDictionary<char, string> Unmarked = new Dictionary<char, string>
    {
        ['æ'] = "ae", ['œ'] = "oe", ['ß'] = "ss", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ı'] = "i",
    };

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single dashes, at most <see cref="MaxLength"/>
    /// characters, cut at a dash. Latin diacritics are folded (Lāt → lat). Text with no Latin letter
    /// or digit, such as a name in Arabic script only, gives "": the caller must then ask for a slug
    /// rather than invent one, because a transliteration is an editorial choice.
    /// </summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c) || Unmarked.ContainsKey(c))
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingDash = false;
                slug.Append(Unmarked.TryGetValue(c, out var folded) ? folded : c);
            }
            // FormKD has split é into e plus an accent; the accent is skipped, not turned into a dash.
            else if (!Apostrophes.Contains(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingDash = true;
            }
        }
        return Shorten(slug.ToString());
    }

    public static bool IsValid(string slug) => slug.Length <= MaxLength && Pattern().IsMatch(slug);

    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }
        // Cut at the last dash that keeps whole words (a dash just past the limit counts);
        // a single word longer than the limit is cut where it must be.
        var lastDash = slug.LastIndexOf('-', MaxLength);
        return lastDash > 0 ? slug[..lastDash] : slug[..MaxLength];
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex Pattern();
}
