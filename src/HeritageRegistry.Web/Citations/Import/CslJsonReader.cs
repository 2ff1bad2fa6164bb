using System.Globalization;
using System.Text.Json;

namespace HeritageRegistry.Citations.Import;

/// <summary>
/// Reads CSL-JSON (Zotero, citeproc, our own export) with System.Text.Json: an array of items or one
/// item. JSON that does not parse is one problem for the whole file, with its line; an item of the
/// wrong shape is a problem for that item only.
/// </summary>
public static class CslJsonReader
{
    public static ImportFile Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return ImportFile.Unreadable($"The file is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).");
        }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
                : root.ValueKind == JsonValueKind.Object ? [root] : null;
            if (items is null)
            {
                return ImportFile.Unreadable("CSL-JSON is a list of items in [ ] or a single item in { }.");
            }
            return new ImportFile([.. items.Select((item, index) => Item(item, index + 1))], []);
        }
    }

    private static ImportedSource Item(JsonElement item, int number)
    {
        var entry = new ImportedSource(number, $"item {number}");
        if (item.ValueKind != JsonValueKind.Object)
        {
            entry.Problems.Add($"Item {number} is {item.ValueKind.ToString().ToLowerInvariant()}, not an object with fields.");
            return entry;
        }
        string? Text(string name)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                return value.ToString().Trim() is { Length: > 0 } text ? text : null;
            }
            entry.Problems.Add($"The field '{name}' should be text but is {value.ValueKind.ToString().ToLowerInvariant()}.");
            return null;
        }
        entry.Label = Text("id") ?? entry.Label;
        entry.Title = Text("title");
        entry.Authors = Authors(entry, item);
        entry.Publisher = Text("publisher") ?? Text("container-title");
        entry.PublishedDate = Date(entry, item, "issued");
        entry.Url = Text("URL");
        entry.Doi = Text("DOI");
        entry.AccessedDate = Date(entry, item, "accessed");
        entry.Language = ImportTerms.Language(Text("language"));
        entry.Notes = Text("note");
        entry.Kind = ImportTerms.KindNamed(Text("genre")) ?? Text("type") switch
        {
            "article-newspaper" or "article-magazine" or "broadcast" => "news",
            "article-journal" or "article" or "book" or "chapter" or "paper-conference" or "thesis" => "academic",
            "report" => "report",
            "entry-encyclopedia" or "entry-dictionary" => "encyclopedia",
            "post" or "post-weblog" => "social-media",
            "interview" => "eyewitness",
            _ => null,
        };
        return entry;
    }

    private static string? Authors(ImportedSource entry, JsonElement item)
    {
        if (!item.TryGetProperty("author", out var authors) || authors.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (authors.ValueKind != JsonValueKind.Array)
        {
            entry.Problems.Add("The field 'author' should be a list of names.");
            return null;
        }
        var names = new List<string>();
        foreach (var author in authors.EnumerateArray())
        {
            string? Part(string name) => author.ValueKind == JsonValueKind.Object && author.TryGetProperty(name, out var p)
                && p.ValueKind == JsonValueKind.String && p.GetString()!.Trim() is { Length: > 0 } text ? text : null;
            var family = Part("family");
            var name = Part("literal") ?? (family is null ? null : Part("given") is { } given ? $"{family}, {given}" : family);
            if (name is null)
            {
                entry.Problems.Add("An author has neither a family name nor a literal name.");
                continue;
            }
            names.Add(name);
        }
        return names.Count == 0 ? null : string.Join("; ", names);
    }

    /// <summary>CSL dates: date-parts (two for an interval) with circa, or raw / literal text.</summary>
    private static string? Date(ImportedSource entry, JsonElement item, string field)
    {
        if (!item.TryGetProperty(field, out var date) || date.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (date.ValueKind == JsonValueKind.String)
        {
            return ImportTerms.Date(entry, field, date.GetString());
        }
        if (date.ValueKind != JsonValueKind.Object)
        {
            entry.Problems.Add($"The date '{field}' should be an object with date-parts.");
            return null;
        }
        if (date.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String && Dates.EdtfDate.TryParse(raw.GetString()!.Trim(), out var exact, out _))
        {
            return exact.Text;
        }
        if (date.TryGetProperty("date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            return DateParts(entry, field, date, parts);
        }
        foreach (var name in new[] { "raw", "literal" })
        {
            if (date.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
            {
                return ImportTerms.Date(entry, field, text.GetString());
            }
        }
        entry.Problems.Add($"The date '{field}' has no date-parts.");
        return null;
    }

    private static string? DateParts(ImportedSource entry, string field, JsonElement date, JsonElement parts)
    {
        var ends = new List<string>();
        foreach (var end in parts.EnumerateArray())
        {
            var numbers = end.ValueKind == JsonValueKind.Array && end.GetArrayLength() is >= 1 and <= 3
                ? end.EnumerateArray().Select(WholeNumber).ToList()
                : null;
            if (numbers is null || numbers.Any(n => n is null))
            {
                entry.Problems.Add($"The date '{field}' has date-parts that are not [year, month, day] whole numbers.");
                return null;
            }
            ends.Add(string.Join('-', numbers.Select((n, i) => n!.Value.ToString(i == 0 ? "0000" : "00", CultureInfo.InvariantCulture))));
        }
        var circa = date.TryGetProperty("circa", out var c) && (c.ValueKind == JsonValueKind.True
            || (c.ValueKind is JsonValueKind.String or JsonValueKind.Number && c.ToString() is not ("" or "0" or "false")));
        return ends.Count == 0 ? null : ImportTerms.Date(entry, field, string.Join('/', ends) + (circa && ends.Count == 1 ? "~" : ""));
    }

    /// <summary>A date part as CSL writes it, 2015 or "2015"; null for 2015.5, 1e10 or text.</summary>
    private static int? WholeNumber(JsonElement part) => part.ValueKind switch
    {
        JsonValueKind.Number when part.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(part.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
