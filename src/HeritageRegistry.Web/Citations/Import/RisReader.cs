using System.Text.RegularExpressions;

namespace HeritageRegistry.Citations.Import;

/// <summary>
/// Reads RIS: "TY  - " opens an entry, "ER  - " closes it, one "XX  - value" per line in between.
/// A line that is not a tag continues the field before it, as long abstracts wrapped by some
/// exporters do. Fields outside an entry, or an entry left open, are per-entry problems.
/// </summary>
public static partial class RisReader
{
    public static ImportFile Read(string text)
    {
        var entries = new List<ImportedSource>();
        var stray = new List<string>();
        Dictionary<string, List<string>>? fields = null;
        ImportedSource? entry = null;
        string? lastTag = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd();
            var tagged = TagLine().Match(line);
            if (!tagged.Success)
            {
                if (line.Length == 0)
                {
                    continue;
                }
                if (entry is not null && lastTag is not null)
                {
                    fields![lastTag][^1] += " " + line.Trim();
                }
                else
                {
                    (entry?.Problems ?? stray).Add($"Line {index + 1}: '{Shorten(line)}' is not a RIS field (fields look like 'TI  - Title').");
                }
                continue;
            }
            var (tag, value) = (tagged.Groups[1].Value, tagged.Groups[2].Value.Trim());
            if (tag == "TY")
            {
                if (entry is not null)
                {
                    entry.Problems.Add($"Line {index + 1}: a new entry starts before this one ends with 'ER  - '.");
                    Finish(entry, fields!);
                }
                entry = new ImportedSource(entries.Count + 1, $"entry {entries.Count + 1}");
                entries.Add(entry);
                fields = new Dictionary<string, List<string>> { ["TY"] = [value] };
                lastTag = "TY";
            }
            else if (tag == "ER")
            {
                if (entry is null)
                {
                    stray.Add($"Line {index + 1}: 'ER' ends an entry that never began with 'TY  - '.");
                    continue;
                }
                Finish(entry, fields!);
                (entry, fields, lastTag) = (null, null, null);
            }
            else if (entry is null)
            {
                stray.Add($"Line {index + 1}: the field {tag} comes before any 'TY  - ' line that starts an entry.");
            }
            else
            {
                (fields!.TryGetValue(tag, out var values) ? values : fields[tag] = []).Add(value);
                lastTag = tag;
            }
        }
        if (entry is not null)
        {
            entry.Problems.Add("The file ends before this entry's closing 'ER  - ' line.");
            Finish(entry, fields!);
        }
        return new ImportFile(entries, stray);
    }

    private static void Finish(ImportedSource entry, Dictionary<string, List<string>> fields)
    {
        string? First(params string[] tags) => tags.Select(t => fields.GetValueOrDefault(t)?.FirstOrDefault(v => v.Length > 0))
            .FirstOrDefault(v => v is not null);

        entry.Label = First("ID") ?? entry.Label;
        entry.Title = First("TI", "T1", "CT", "BT");
        var authors = new[] { "AU", "A1" }.SelectMany(t => fields.GetValueOrDefault(t) ?? []).Where(a => a.Length > 0).ToList();
        entry.Authors = authors.Count == 0 ? null : string.Join("; ", authors);
        entry.Publisher = First("PB", "JO", "JF", "T2");
        entry.PublishedDate = Date(entry, "date (DA)", First("DA", "Y1", "PY"));
        entry.Url = First("UR", "L2");
        entry.Doi = First("DO");
        entry.AccessedDate = Date(entry, "access date (Y2)", First("Y2"));
        entry.Language = ImportTerms.Language(First("LA"));
        entry.Notes = First("N1");
        entry.Kind = ImportTerms.KindNamed(First("M3")) ?? First("TY")?.ToUpperInvariant() switch
        {
            "NEWS" or "MGZN" => "news",
            "JOUR" or "EJOUR" or "BOOK" or "EBOOK" or "CHAP" or "ECHAP" or "CONF" or "CPAPER" or "THES" or "EDBOOK" => "academic",
            "RPRT" or "GOVDOC" => "report",
            "ENCYC" or "DICT" => "encyclopedia",
            "BLOG" => "social-media",
            _ => null,
        };
    }

    /// <summary>RIS dates are "YYYY/MM/DD/other"; our exports put the exact EDTF in "other", so it wins when it reads.</summary>
    private static string? Date(ImportedSource entry, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        var parts = value.Split('/');
        if (parts.Length == 1 || parts[0].Contains('-', StringComparison.Ordinal))
        {
            return ImportTerms.Date(entry, field, value); // "2015", "2015-08-30" or an EDTF interval
        }
        if (parts.Length >= 4 && string.Join('/', parts[3..]).Trim() is { Length: > 0 } other && Dates.EdtfDate.TryParse(other, out var exact, out _))
        {
            return exact.Text;
        }
        return ImportTerms.Date(entry, field, null, parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";

    [GeneratedRegex(@"^([A-Z][A-Z0-9])  ?-(?: (.*)|$)")]
    private static partial Regex TagLine();
}
