using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeritageRegistry.Data;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Citations;

/// <summary>CSL-JSON, the format of Zotero and citeproc. Approximate dates carry "circa"; intervals two date-parts.</summary>
public static class CslJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<SourceDetail> sources) =>
        new JsonArray([.. sources.Select(Item)]).ToJsonString(Options);

    private static JsonObject Item(SourceDetail source)
    {
        var item = new JsonObject
        {
            ["id"] = source.Reference,
            ["type"] = source.Kind switch
            {
                "news" => "article-newspaper",
                "academic" => "article-journal",
                "encyclopedia" => "entry-encyclopedia",
                "social-media" => "post",
                "eyewitness" => "interview",
                "webpage" => "webpage",
                _ => "report",
            },
            ["title"] = source.Title,
        };
        var authors = SourceParts.Authors(source.Authors);
        if (authors.Count > 0)
        {
            item["author"] = new JsonArray([.. authors.Select(a => a.Given is null
                ? new JsonObject { ["literal"] = a.Family }
                : new JsonObject { ["family"] = a.Family, ["given"] = a.Given })]);
        }
        Add(item, "publisher", source.Publisher);
        if (source.Kind == "news")
        {
            Add(item, "container-title", source.Publisher); // the paper or agency a news story appeared in
        }
        Add(item, "genre", Vocab.SourceKinds.Find(source.Kind)?.English); // the registry's kind, which "type" only approximates
        Add(item, "DOI", source.Doi);
        Add(item, "URL", source.Url);
        Add(item, "language", source.Language);
        Add(item, "note", source.Notes);
        if (Date(source.PublishedDate) is { } issued)
        {
            item["issued"] = issued;
        }
        if (Date(source.AccessedDate) is { } accessed)
        {
            item["accessed"] = accessed;
        }
        return item;
    }

    private static JsonObject? Date(string? edtf)
    {
        var parts = SourceParts.DateParts(edtf);
        if (parts.Count == 0)
        {
            return null;
        }
        var date = new JsonObject { ["date-parts"] = new JsonArray([.. parts.Select(p => new JsonArray([.. p.Select(n => (JsonNode)n)]))]) };
        if (SourceParts.IsApproximate(edtf))
        {
            date["circa"] = true;
        }
        if (edtf!.IndexOfAny(['~', '?', '%', '/']) >= 0)
        {
            date["raw"] = edtf; // the exact EDTF, which date-parts and circa can only approximate
        }
        return date;
    }

    private static void Add(JsonObject item, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            item[field] = value;
        }
    }
}
