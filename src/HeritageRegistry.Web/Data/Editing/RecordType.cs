namespace HeritageRegistry.Data.Editing;

/// <summary>
/// A kind of record curators edit: its table and the columns an edit may change. Column names here
/// are the only identifiers ever put into edit SQL, so no input can reach it except as a parameter
/// value. What a record puts into the search index is defined in one place, <see cref="SearchIndex"/>.
/// </summary>
public sealed record RecordType(string Name, string Table, IReadOnlyList<string> Columns, bool HasPublication)
{
    /// <summary>Rows edited as part of this record (a disagreement's versions), if it has any.</summary>
    public ChildRows? Children { get; init; }

    /// <summary>What the record's values must keep on every create and update, checked inside the write.</summary>
    public WriteRule? Rule { get; init; }

    /// <summary>Whether the record has a search index row, rewritten with every change.</summary>
    public bool IsSearchable => SearchIndex.Covers(Name);

    public static readonly RecordType Site = new("site", "site",
        ["slug", "parent_id", "kind", "name_en", "name_ar", "summary", "summary_ar", "description", "description_ar", "latitude", "longitude",
         "is_sensitive", "built", "unesco_whc_id", "pleiades_id", "wikidata_id"],
        HasPublication: true)
    {
        Children = SiteNames.Rows,
    };

    public static readonly RecordType Report = new("report", "damage_report",
        ["reference", "site_id", "kind", "title", "title_ar", "event_date", "event_earliest", "event_latest", "reported_date",
         "cause", "effect", "severity", "extent", "certainty", "verification", "method", "assessor", "description", "description_ar"],
        HasPublication: true);

    public static readonly RecordType Source = new("source", "source",
        ["reference", "kind", "title", "publisher", "authors", "published_date", "published_earliest", "published_latest",
         "url", "archived_url", "accessed_date", "language", "notes", "doi"],
        HasPublication: true);

    public static readonly RecordType Citation = new("citation", "citation",
        ["source_id", "report_id", "site_id", "photo_id", "locator", "quote", "position"],
        HasPublication: false);

    public static readonly RecordType Photo = new("photo", "photo",
        ["sha256", "site_id", "report_id", "caption", "caption_ar", "credit", "licence", "taken_date", "phase", "width", "height", "format",
         "byte_size", "exif_taken_at", "exif_camera", "exif_latitude", "exif_longitude", "uploaded_by"],
        HasPublication: true)
    {
        Rule = PhotoPlacement.CheckAsync,
    };

    public static readonly RecordType Disagreement = new("disagreement", "disagreement",
        ["report_id", "site_id", "topic", "note", "position"], HasPublication: false)
    {
        Children = DisagreementVersions.Rows,
    };

    public static IReadOnlyList<RecordType> All { get; } = [Site, Report, Source, Citation, Photo, Disagreement];

    public static RecordType? Find(string? name) => All.FirstOrDefault(t => t.Name == name);
}
