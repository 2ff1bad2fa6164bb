using HeritageRegistry.Dates;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Citations.Import;

/// <summary>Turns what bibliography formats say (entry types, language names, dates) into the registry's terms.</summary>
public static class ImportTerms
{
    /// <summary>A kind named outright, by code or English label (our exports write the label as genre, type or M3).</summary>
    public static string? KindNamed(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Vocab.SourceKinds.FirstOrDefault(t => string.Equals(t.Code, text.Trim(), StringComparison.OrdinalIgnoreCase)
                                                 || string.Equals(t.English, text.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;

    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["american"] = "en", ["british"] = "en", ["arabic"] = "ar", ["french"] = "fr",
        ["german"] = "de", ["ngerman"] = "de", ["italian"] = "it", ["spanish"] = "es", ["russian"] = "ru",
        ["turkish"] = "tr", ["dutch"] = "nl", ["polish"] = "pl", ["persian"] = "fa", ["farsi"] = "fa",
    };

    /// <summary>A language code (en, ar-SY) as it is, or a language name babel or Zotero writes; otherwise null.</summary>
    public static string? Language(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim();
        if (System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,8})*$") && value.Length <= 12)
        {
            var parts = value.Replace('_', '-').Split('-');
            return string.Join('-', [parts[0].ToLowerInvariant(), .. parts.Skip(1)]);
        }
        return Languages.GetValueOrDefault(value);
    }

    /// <summary>A date the registry can keep (EDTF), from EDTF text or from year, month and day parts.</summary>
    public static string? Date(ImportedSource entry, string field, string? edtf, string? year = null, string? month = null, string? day = null)
    {
        if (!string.IsNullOrWhiteSpace(edtf))
        {
            var text = edtf.Trim();
            if (EdtfDate.TryParse(text, out var date, out _))
            {
                return date.Text;
            }
            entry.Problems.Add($"The {field} '{edtf.Trim()}' is not a date the registry understands (use e.g. 2015-08-30, 2015-08 or 2015-08~).");
            return null;
        }
        if (string.IsNullOrWhiteSpace(year))
        {
            return null;
        }
        var parts = year.Trim();
        if (MonthNumber(month) is { } m)
        {
            parts += $"-{m:00}";
            if (int.TryParse(day, out var d) && d is >= 1 and <= 31)
            {
                parts += $"-{d:00}";
            }
        }
        return Date(entry, field, parts);
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static int? MonthNumber(string? month)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            return null;
        }
        var text = month.Trim();
        if (int.TryParse(text, out var number) && number is >= 1 and <= 12)
        {
            return number;
        }
        var index = Array.FindIndex(MonthNames, name => text.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }
}
