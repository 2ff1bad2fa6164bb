using System.Text;
using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Citations;

/// <summary>RIS, read by EndNote, Mendeley and most reference managers: one tagged line per field.</summary>
public static class Ris
{
    public static string Write(IReadOnlyList<SourceDetail> sources)
    {
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            Line(text, "TY", source.Kind switch
            {
                "news" => "NEWS",
                "academic" => "JOUR",
                "encyclopedia" => "ENCYC",
                "social-media" or "eyewitness" => "GEN",
                "webpage" => "ELEC",
                _ => "RPRT",
            });
            Line(text, "ID", source.Reference);
            Line(text, "TI", source.Title);
            foreach (var (family, given) in SourceParts.Authors(source.Authors))
            {
                Line(text, "AU", given is null ? family : $"{family}, {given}");
            }
            Line(text, "PB", source.Publisher);
            // RIS dates are YYYY/MM/DD/other; the exact EDTF text goes in the "other" part.
            if (SourceParts.DateParts(source.PublishedDate) is [var first, ..])
            {
                Line(text, "PY", first[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
                Line(text, "DA", $"{first[0]:0000}/{(first.Length > 1 ? $"{first[1]:00}" : "")}/{(first.Length > 2 ? $"{first[2]:00}" : "")}/{source.PublishedDate}");
            }
            Line(text, "M3", Vocab.SourceKinds.Find(source.Kind)?.English); // "type of work": the registry's kind
            Line(text, "DO", source.Doi);
            Line(text, "UR", source.Url);
            Line(text, "Y2", source.AccessedDate);
            Line(text, "LA", source.Language);
            Line(text, "N1", source.Notes);
            text.Append("ER  - \r\n\r\n");
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string tag, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            // A field is one line: line breaks inside a value would start a bogus tag.
            text.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        }
    }
}
