namespace HeritageRegistry.Data.Editing;

/// <summary>
/// A kind of record curators edit: its table, the columns an edit may change, and what goes into
/// the search index. Column names here are the only identifiers ever put into edit SQL, so no
/// input can reach it except as a parameter value.
/// </summary>
public sealed record RecordType(string Name, string Table, IReadOnlyList<string> Columns, bool HasPublication,
    Func<IReadOnlyDictionary<string, object?>, (string Title, string Body)>? IndexText)
{
    /// <summary>Rows edited as part of this record (a disagreement's versions), if it has any.</summary>
    public ChildRows? Children { get; init; }

    public static readonly RecordType Site = new("site", "site",
        ["slug", "parent_id", "kind", "name_en", "name_ar", "summary", "description", "latitude", "longitude",
         "is_sensitive", "built", "unesco_whc_id", "pleiades_id", "wikidata_id"],
        HasPublication: true,
        v => (Text(v, "name_en"), Join(v, "name_ar", "other_names", "summary", "description")))
    {
        Children = SiteNames.Rows,
    };

    public static readonly RecordType Report = new("report", "damage_report",
        ["reference", "site_id", "kind", "title", "event_date", "event_earliest", "event_latest", "reported_date",
         "cause", "effect", "severity", "extent", "certainty", "verification", "method", "assessor", "description"],
        HasPublication: true,
        v => (Text(v, "title"), Join(v, "reference", "description", "assessor")));

    public static readonly RecordType Source = new("source", "source",
        ["reference", "kind", "title", "publisher", "authors", "published_date", "published_earliest", "published_latest",
         "url", "archived_url", "accessed_date", "language", "notes", "doi"],
        HasPublication: true,
        v => (Text(v, "title"), Join(v, "reference", "publisher", "authors", "notes", "doi")));

    public static readonly RecordType Citation = new("citation", "citation",
        ["source_id", "report_id", "site_id", "photo_id", "locator", "quote", "position"],
        HasPublication: false, IndexText: null);

    public static readonly RecordType Photo = new("photo", "photo",
        ["sha256", "site_id", "report_id", "caption", "credit", "licence", "taken_date", "phase", "width", "height", "format",
         "byte_size", "exif_taken_at", "exif_camera", "exif_latitude", "exif_longitude", "uploaded_by"],
        HasPublication: true,
        v => (Text(v, "caption"), Join(v, "credit")));

    public static readonly RecordType Disagreement = new("disagreement", "disagreement",
        ["report_id", "site_id", "topic", "note", "position"], HasPublication: false, IndexText: null)
    {
        Children = DisagreementVersions.Rows,
    };

    public static IReadOnlyList<RecordType> All { get; } = [Site, Report, Source, Citation, Photo, Disagreement];

    public static RecordType? Find(string? name) => All.FirstOrDefault(t => t.Name == name);

    private static string Text(IReadOnlyDictionary<string, object?> values, string column) =>
        values.TryGetValue(column, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";

    private static string Join(IReadOnlyDictionary<string, object?> values, params string[] columns) =>
        string.Join('\n', columns.Select(c => Text(values, c)).Where(t => t.Length > 0));
}
