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
            // RIS dates are YYYY/MM/DD/other: PY the full date (as older readers take only PY), DA the same
            // with the exact EDTF text in the "other" part.
            if (SourceParts.DateParts(source.PublishedDate) is [var first, ..])
            {
                Line(text, "PY", $"{RisDate(first)}/");
                Line(text, "DA", $"{RisDate(first)}/{source.PublishedDate}");
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

    // "2015/08/25", "2015/06/" or "2015//": the parts the date gives, the slashes always.
    private static string RisDate(int[] parts) =>
        $"{parts[0]:0000}/{(parts.Length > 1 ? $"{parts[1]:00}" : "")}/{(parts.Length > 2 ? $"{parts[2]:00}" : "")}";

    private static void Line(StringBuilder text, string tag, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            // A field is one line: line breaks inside a value would start a bogus tag.
            text.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        }
    }
}
