using System.Text;
using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Citations;

/// <summary>
/// BibLaTeX, written as UTF-8 (Arabic titles stay Arabic). Its date field takes EDTF as it is, so
/// "2015-08-25~" and "2015-06/2015-09-02" keep their meaning. LaTeX's special characters are escaped.
/// </summary>
public static class BibTex
{
    public static string Write(IReadOnlyList<SourceDetail> sources)
    {
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            var type = source.Kind switch
            {
                "academic" => "article",
                "report" or "satellite-analysis" or "unesco" or "official-statement" => "report",
                "eyewitness" => "misc",
                _ => "online",
            };
            text.Append('@').Append(type).Append('{').Append(Key(source.Reference)).Append(",\n");
            Field(text, "title", source.Title);
            Field(text, "author", Authors(source.Authors));
            Field(text, type == "report" ? "institution" : "organization", source.Publisher);
            // Dates and addresses are read by biber, not typeset: EDTF's ~ and ? must stay as they are.
            Field(text, "date", source.PublishedDate, escape: false);
            // Clients that read only BibTeX's fields (JabRef's older modes, Zotero's import of year-only styles) need the year too.
            Field(text, "year", SourceParts.Year(source.PublishedDate)?.ToString(System.Globalization.CultureInfo.InvariantCulture), escape: false);
            Field(text, "doi", source.Doi, escape: false);
            Field(text, "url", source.Url, escape: false);
            Field(text, "urldate", source.AccessedDate, escape: false);
            Field(text, "type", Vocab.SourceKinds.Find(source.Kind)?.English); // the registry's kind, which the entry type only approximates
            Field(text, "langid", source.Language);
            Field(text, "note", source.Notes);
            text.Append("}\n\n");
        }
        return text.ToString();
    }

    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '%' or '$' or '&' or '#' or '_' => $"\\{c}",
                '^' => @"\textasciicircum{}",
                '-' when text.Length > 0 && text[^1] == '-' => "{}-", // "--" would be read back as a dash
                '~' => @"\textasciitilde{}",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }

    // "Danti, M.D.; Ali, C." becomes "Danti, M.D. and Ali, C."; an organisation is braced so it is one author:
    // author = {{Directorate-General of Antiquities and Museums}} (SourceParts.Authors tells them apart).
    private static string? Authors(string? authors) => SourceParts.Authors(authors) is { Count: > 0 } names
        ? string.Join(" and ", names.Select(n => n.Given is null ? $"{{{Escape(n.Family)}}}" : $"{Escape(n.Family)}, {Escape(n.Given)}"))
        : null;

    private static string Key(string reference) => $"palmyra-{reference.ToLowerInvariant()}";

    private static void Field(StringBuilder text, string name, string? value, bool escape = true)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            var written = escape && name != "author" ? Escape(value) : value;
            text.Append("  ").Append(name).Append(" = {").Append(written).Append("},\n");
        }
    }
}
