namespace HeritageRegistry.Citations.Import;

/// <summary>What a BibTeX or BibLaTeX entry's fields mean as a registry source.</summary>
public static class BibTexFields
{
    public static void Map(ImportedSource entry, string type, IReadOnlyDictionary<string, string> fields)
    {
        string? Text(params string[] names) => names.Select(n => fields.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } raw
            ? LatexText.Decode(raw) : null;
        string? Verbatim(string name) => fields.GetValueOrDefault(name)?.Trim() is { Length: > 0 } value ? value : null;

        entry.Title = Text("title");
        entry.Authors = Authors(fields.GetValueOrDefault("author"));
        entry.Publisher = Text("publisher", "institution", "organization", "journaltitle", "journal", "howpublished");
        entry.PublishedDate = ImportTerms.Date(entry, "date", Verbatim("date"), Verbatim("year"), Verbatim("month"), Verbatim("day"));
        entry.Url = Verbatim("url");
        entry.Doi = Verbatim("doi");
        entry.AccessedDate = ImportTerms.Date(entry, "access date (urldate)", Verbatim("urldate"));
        entry.Language = ImportTerms.Language(Verbatim("langid") ?? Verbatim("language"));
        entry.Notes = Text("note", "annote", "addendum");
        entry.Kind = ImportTerms.KindNamed(Text("type")) ?? type.ToLowerInvariant() switch
        {
            "article" or "book" or "inbook" or "incollection" or "inproceedings" or "proceedings" or "collection"
                or "thesis" or "phdthesis" or "mastersthesis" or "conference" => "academic",
            "report" or "techreport" => "report",
            _ => null,
        };
    }

    /// <summary>"Danti, Michael and {UNESCO} and Cheikhmous Ali" as the registry keeps names: "Danti, Michael; UNESCO; Ali, Cheikhmous".</summary>
    public static string? Authors(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var names = SplitOnAnd(raw).Select(Name).Where(n => n.Length > 0).ToList();
        return names.Count == 0 ? null : string.Join("; ", names);
    }

    private static string Name(string raw)
    {
        var name = raw.Trim();
        if (name.StartsWith('{') && name.EndsWith('}') && name.IndexOf('}') == name.Length - 1)
        {
            return LatexText.Decode(name); // a braced name is an organisation: never split
        }
        var decoded = LatexText.Decode(name);
        if (decoded.Contains(','))
        {
            var parts = decoded.Split(',', StringSplitOptions.TrimEntries);
            return $"{parts[0]}, {parts[^1]}"; // "von Last, Jr, First" keeps Last and First
        }
        var space = decoded.LastIndexOf(' ');
        return space < 0 ? decoded : $"{decoded[(space + 1)..]}, {decoded[..space]}";
    }

    // " and " separates names only outside braces: "{Centre for Research and Documentation}" is one name.
    private static IEnumerable<string> SplitOnAnd(string raw)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            depth += raw[i] == '{' ? 1 : raw[i] == '}' ? -1 : 0;
            if (depth == 0 && char.IsWhiteSpace(raw[i]) && i + 4 < raw.Length
                && raw.AsSpan(i + 1, 3).Equals("and", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(raw[i + 4]))
            {
                yield return raw[start..i];
                start = i + 5;
                i += 4;
            }
        }
        yield return raw[start..];
    }
}
