using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Search;

/// <summary>
/// A vocabulary filter of the search: its query parameter, its terms, the column of the search
/// query it tests, and the record types that carry that column. Records of other types never
/// match it, so a report-only filter such as severity narrows the results to reports.
/// </summary>
public sealed record SearchFilter(string Parameter, TermList Terms, string Column, IReadOnlyList<string> Types);

public static class SearchFilters
{
    public static readonly TermList RecordTypes = new("Record type",
    [
        new("report", "Report", "تقرير", "A damage assessment or a context event."),
        new("site", "Place", "موقع", "A place: a monument, a building, a tomb or a whole site."),
        new("source", "Source", "مصدر", "An article, report, image analysis or statement the record cites."),
        new("photo", "Photo", "صورة", "A photograph of a place."),
    ]);

    public static readonly IReadOnlyList<string> PlaceTypes = ["report", "site", "photo"];

    public static readonly IReadOnlyList<SearchFilter> All =
    [
        new("type", RecordTypes, "type", ["report", "site", "source", "photo"]),
        new("kind", Vocab.ReportKinds, "report_kind", ["report"]),
        new("sitekind", Vocab.SiteKinds, "site_kind", PlaceTypes),
        new("cause", Vocab.Causes, "cause", ["report"]),
        new("effect", Vocab.Effects, "effect", ["report"]),
        new("severity", Vocab.Severities, "severity", ["report"]),
        new("certainty", Vocab.Certainties, "certainty", ["report"]),
        new("verification", Vocab.Verifications, "verification", ["report"]),
        new("sourcekind", Vocab.SourceKinds, "source_kind", ["source"]),
    ];

    /// <summary>Sort orders: by relevance (best match first; newest first without words), newest or oldest first.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "newest", "oldest"];
}
