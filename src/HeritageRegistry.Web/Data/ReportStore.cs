using Dapper;
using HeritageRegistry.Photos;

namespace HeritageRegistry.Data;

/// <summary>What a timeline or list shows of a report.</summary>
public sealed record ReportSummary
{
    public long Id { get; init; }
    public string Reference { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public string? TitleAr { get; init; }
    public string EventDate { get; init; } = "";
    public string EventEarliest { get; init; } = "";
    public string EventLatest { get; init; } = "";
    public string? Cause { get; init; }
    public string? Severity { get; init; }
    public string? Certainty { get; init; }
    public string Verification { get; init; } = "";
    public string SiteSlug { get; init; } = "";
    public string SiteName { get; init; } = "";
    public IReadOnlyList<CitationView> Citations { get; init; } = [];
}

/// <summary>Every field of one report, for its own page.</summary>
public sealed record ReportDetail
{
    public long Id { get; init; }
    public long SiteId { get; init; }
    public string Publication { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public string? TitleAr { get; init; }
    public string EventDate { get; init; } = "";
    public string EventEarliest { get; init; } = "";
    public string EventLatest { get; init; } = "";
    public string? ReportedDate { get; init; }
    public string? Cause { get; init; }
    public string? Effect { get; init; }
    public string? Severity { get; init; }
    public string? Extent { get; init; }
    public string? Certainty { get; init; }
    public string Verification { get; init; } = "";
    public string? Method { get; init; }
    public string? Assessor { get; init; }
    public string? Description { get; init; }
    public string? DescriptionAr { get; init; }
    public string UpdatedAt { get; init; } = "";
    public long Version { get; init; }
    public string SiteSlug { get; init; } = "";
    public string SiteName { get; init; } = "";
    public string? SiteNameAr { get; init; }
}

public sealed record ReportPage(ReportDetail Report, IReadOnlyList<CitationView> Citations)
{
    /// <summary>Read only for the HTML page (<c>withGallery</c>); the API and the bibliography have no use for them.</summary>
    public IReadOnlyList<PhotoView> Photos { get; init; } = [];

    public IReadOnlyList<Disagreement> Disagreements { get; init; } = [];
}

/// <summary>Public reads of damage reports and context events.</summary>
public sealed class ReportStore(Database database)
{
    /// <summary>Select list of <see cref="ReportSummary"/>; callers add WHERE and ORDER BY.</summary>
    public const string SummarySelect = """
        SELECT r.id, r.reference, r.kind, r.title, r.title_ar, r.event_date, r.event_earliest, r.event_latest,
               r.cause, r.severity, r.certainty, r.verification, s.slug AS site_slug, s.name_en AS site_name
        FROM damage_report r
        JOIN site s ON s.id = r.site_id
        """;

    private static readonly string PageSql = $"""
        SELECT r.id, r.site_id, r.publication, r.reference, r.kind, r.title, r.title_ar, r.event_date, r.event_earliest, r.event_latest, r.reported_date, r.cause, r.effect, r.severity,
               r.extent, r.certainty, r.verification, r.method, r.assessor, r.description, r.description_ar, r.updated_at, r.version,
               s.slug AS site_slug, s.name_en AS site_name, s.name_ar AS site_name_ar
        FROM damage_report r
        JOIN site s ON s.id = r.site_id
        WHERE r.reference = @reference AND {PublicSql.Report("r", orDrafts: true)};

        {CitationView.Select}
        JOIN damage_report r ON r.id = ci.report_id
        WHERE r.reference = @reference AND {PublicSql.Report("r", orDrafts: true)}
        ORDER BY ci.position;
        """;

    // The HTML page's whole read in one round trip: on PostgreSQL each round trip costs the web node more CPU (a send
    // and a wake-up) than the statements cost the server.
    private static readonly string GalleryPageSql = $"""
        {PageSql}
        {PhotoStore.ReportGallerySql};
        {DisagreementStore.ForReportSql};
        """;

    /// <summary>
    /// One report's page, with its photos and disagreements when <paramref name="withGallery"/>; a draft, or a report
    /// on a draft place, is found only when <paramref name="includeDrafts"/> (a curator is looking).
    /// </summary>
    public async Task<ReportPage?> GetPageAsync(string reference, bool includeDrafts, CancellationToken cancellationToken, bool withGallery = false)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var key = reference.ToUpperInvariant();
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(withGallery ? GalleryPageSql : PageSql,
            new { reference = key, reportReference = key, includeDrafts }, cancellationToken: cancellationToken));
        var report = await results.ReadSingleOrDefaultAsync<ReportDetail>();
        if (report is null)
        {
            return null;
        }
        var page = new ReportPage(report, (await results.ReadAsync<CitationView>()).AsList());
        return withGallery
            ? page with { Photos = (await results.ReadAsync<PhotoView>()).AsList(), Disagreements = DisagreementStore.Group(await results.ReadAsync<DisagreementStore.Row>()) }
            : page;
    }

    // A report is in a window when its date interval overlaps it (ISO dates compare as text).
    private static readonly string ListSql = $"""
        {SummarySelect}
        WHERE {PublicSql.Report("r")}
          AND (@from IS NULL OR r.event_latest >= @from) AND (@to IS NULL OR r.event_earliest <= @to)
        ORDER BY r.event_earliest, r.event_latest, r.reference
        """;

    /// <summary>Public reports in date order, optionally only those that can fall between two days.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListAsync(CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ReportSummary>(new CommandDefinition(ListSql, new
        {
            from = from is { } f ? Clock.ToText(f) : null,
            to = to is { } t ? Clock.ToText(t) : null,
        }, cancellationToken: cancellationToken))).AsList();
    }

    private static readonly string LatestSql = $"""
        {SummarySelect}
        WHERE {PublicSql.Report("r")}
        ORDER BY r.event_latest DESC, r.event_earliest DESC, r.reference DESC
        LIMIT @count
        """;

    /// <summary>The most recent events on record, newest first.</summary>
    public async Task<IReadOnlyList<ReportSummary>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ReportSummary>(new CommandDefinition(LatestSql, new { count }, cancellationToken: cancellationToken))).AsList();
    }
}
