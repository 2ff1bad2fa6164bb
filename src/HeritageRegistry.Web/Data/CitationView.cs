namespace HeritageRegistry.Data;

/// <summary>One source backing one claim, with the source's own details for display.</summary>
public sealed record CitationView
{
    public long? ReportId { get; init; }
    public long SourceId { get; init; }
    public string? Locator { get; init; }
    public string? Quote { get; init; }
    public string SourceReference { get; init; } = "";
    public string SourceKind { get; init; } = "";
    public string SourceTitle { get; init; } = "";
    public string? SourcePublisher { get; init; }
    public string? SourceAuthors { get; init; }
    public string? SourcePublishedDate { get; init; }
    public string? SourceUrl { get; init; }

    /// <summary>Select list shared by every page that shows citations; callers add JOINs and WHERE.
    /// Deleted citations and sources the public may not see are already left out here; the record
    /// cited from is the page's own, which the page has already found visible.</summary>
    public static readonly string Select = $"""
        SELECT ci.report_id, ci.source_id, ci.locator, ci.quote,
               so.reference AS source_reference, so.kind AS source_kind, so.title AS source_title,
               so.publisher AS source_publisher, so.authors AS source_authors,
               so.published_date AS source_published_date, so.url AS source_url
        FROM citation ci
        JOIN source so ON so.id = ci.source_id AND ci.deleted_at IS NULL AND {PublicSql.Source("so")}
        """;
}
