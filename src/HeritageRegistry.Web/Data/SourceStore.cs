using Dapper;

namespace HeritageRegistry.Data;

public sealed record SourceListItem
{
    public string Reference { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Publisher { get; init; }
    public string? Authors { get; init; }
    public string? PublishedDate { get; init; }
    public string? Url { get; init; }
    public long ClaimCount { get; init; }
}

public sealed record SourceDetail
{
    public long Id { get; init; }
    public string Publication { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Publisher { get; init; }
    public string? Authors { get; init; }
    public string? PublishedDate { get; init; }
    public string? Url { get; init; }
    public string? ArchivedUrl { get; init; }
    public string? Doi { get; init; }
    public string? AccessedDate { get; init; }
    public string? Language { get; init; }
    public string? Notes { get; init; }
}

/// <summary>A claim that cites a source: a report, a photo, or a site's own facts (then the report and photo fields are null).</summary>
public sealed record SourceClaim
{
    public long? ReportId { get; init; }
    public long SiteId { get; init; }
    public long? PhotoId { get; init; }
    public string? PhotoCaption { get; init; }
    public string? PhotoCaptionAr { get; init; }
    public string? ReportReference { get; init; }
    public string? ReportTitle { get; init; }
    public string? ReportTitleAr { get; init; }
    public string? ReportKind { get; init; }
    public string? EventDate { get; init; }
    public string? Severity { get; init; }
    public string SiteSlug { get; init; } = "";
    public string SiteName { get; init; } = "";
    public string? Locator { get; init; }
    public string? Quote { get; init; }
}

public sealed record SourcePage(SourceDetail Source, IReadOnlyList<SourceClaim> Claims);

/// <summary>Public reads of sources and what cites them.</summary>
public sealed class SourceStore(Database database)
{
    // A year filter matches any source whose (possibly approximate) date can fall in that year.
    private static readonly string ListSql = $"""
        SELECT so.reference, so.kind, so.title, so.publisher, so.authors, so.published_date, so.url,
               (SELECT COUNT(*) FROM citation ci WHERE ci.source_id = so.id AND {PublicSql.Citation("ci")}) AS claim_count
        FROM source so
        WHERE {PublicSql.Source("so")}
          AND (@kind IS NULL OR so.kind = @kind)
          AND (@yearStart IS NULL OR (so.published_earliest <= @yearEnd AND so.published_latest >= @yearStart))
        ORDER BY so.published_earliest IS NULL, so.published_earliest, so.reference
        """;

    public async Task<IReadOnlyList<SourceListItem>> ListAsync(string? kind, int? year, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceListItem>(new CommandDefinition(ListSql, new
        {
            kind,
            yearStart = year is null ? null : $"{year:0000}-01-01",
            yearEnd = year is null ? null : $"{year:0000}-12-31",
        }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static readonly string YearsSql = $"""
        SELECT DISTINCT CAST(SUBSTR(published_earliest, 1, 4) AS INTEGER) FROM source so
        WHERE published_earliest IS NOT NULL AND {PublicSql.Source("so")}
        ORDER BY 1
        """;

    /// <summary>The years sources were published in, for the year filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<int>(new CommandDefinition(YearsSql, cancellationToken: cancellationToken))).AsList();
    }

    private static readonly string PageSql = $"""
        SELECT so.id, so.publication, so.reference, so.kind, so.title, so.publisher, so.authors, so.published_date, so.url,
               so.archived_url, so.doi, so.accessed_date, so.language, so.notes
        FROM source so
        WHERE so.reference = @reference AND {PublicSql.Source("so", orDrafts: true)};

        SELECT r.id AS report_id, s.id AS site_id, r.reference AS report_reference, r.title AS report_title, r.title_ar AS report_title_ar, r.kind AS report_kind, r.event_date, r.severity,
               p.id AS photo_id, p.caption AS photo_caption, p.caption_ar AS photo_caption_ar, s.slug AS site_slug, s.name_en AS site_name, ci.locator, ci.quote
        FROM citation ci
        JOIN source so ON so.id = ci.source_id
        LEFT JOIN damage_report r ON r.id = ci.report_id
        LEFT JOIN photo p ON p.id = ci.photo_id
        JOIN site s ON s.id = COALESCE(r.site_id, p.site_id, ci.site_id)
        WHERE so.reference = @reference AND {PublicSql.Citation("ci")}
        ORDER BY r.event_earliest IS NULL, r.event_earliest, s.name_en;
        """;

    /// <summary>One source's page; a draft is found only when <paramref name="includeDrafts"/> (a curator is looking).</summary>
    public async Task<SourcePage?> GetPageAsync(string reference, bool includeDrafts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            PageSql, new { reference = reference.ToUpperInvariant(), includeDrafts }, cancellationToken: cancellationToken));
        var source = await results.ReadSingleOrDefaultAsync<SourceDetail>();
        return source is null ? null : new SourcePage(source, (await results.ReadAsync<SourceClaim>()).AsList());
    }

    /// <summary>The columns of <see cref="SourceDetail"/> from a source aliased "so", for every bibliography's query.</summary>
    public const string DetailColumns = """
        so.id, so.publication, so.reference, so.kind, so.title, so.publisher, so.authors, so.published_date, so.url,
        so.archived_url, so.doi, so.accessed_date, so.language, so.notes
        """;

    private static readonly string ExportSql = $"""
        SELECT {DetailColumns}
        FROM source so
        WHERE {PublicSql.Source("so")}
          AND (@reference IS NULL OR so.reference = @reference)
          AND (@siteSlug IS NULL OR so.id IN (
                SELECT ci.source_id FROM citation ci
                LEFT JOIN damage_report r ON r.id = ci.report_id
                LEFT JOIN photo p ON p.id = ci.photo_id
                JOIN site s ON s.id = COALESCE(r.site_id, p.site_id, ci.site_id)
                WHERE s.slug = @siteSlug AND {PublicSql.Citation("ci")}))
        ORDER BY so.reference
        """;

    /// <summary>Published sources for a bibliography: one, those cited about one place, or all (both filters null).</summary>
    public async Task<IReadOnlyList<SourceDetail>> ExportAsync(string? reference, string? siteSlug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SourceDetail>(new CommandDefinition(ExportSql,
            new { reference = reference?.ToUpperInvariant(), siteSlug }, cancellationToken: cancellationToken))).AsList();
    }
}
