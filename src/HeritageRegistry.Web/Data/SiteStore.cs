using Dapper;

namespace HeritageRegistry.Data;

// Read models are property records: Dapper fills them by column name (snake_case mapped once in Database).

public sealed record SiteListItem
{
    public string Slug { get; init; } = "";
    public string? ParentSlug { get; init; }
    public string Kind { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? NameAr { get; init; }
    public string? Summary { get; init; }
    public PlaceCondition Condition { get; init; } = PlaceCondition.None;
}

public sealed record SiteDetail
{
    public long Id { get; init; }
    public string Publication { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Kind { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? NameAr { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public bool IsSensitive { get; init; }
    public string? Built { get; init; }
    public string? UnescoWhcId { get; init; }
    public string? PleiadesId { get; init; }
    public string? WikidataId { get; init; }
    public PlaceCondition Condition { get; init; } = PlaceCondition.None;
    public string? ParentSlug { get; init; }
    public string? ParentName { get; init; }
    public long Version { get; init; }
    public string UpdatedAt { get; init; } = "";
}

/// <summary>A place as the map and the GeoJSON show it; coordinates are raw here and generalised on output.</summary>
public sealed record MapPlace
{
    public string Slug { get; init; } = "";
    public string Kind { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? NameAr { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public bool IsSensitive { get; init; }
    public PlaceCondition Condition { get; init; } = PlaceCondition.None;
}

public sealed record SitePage(SiteDetail Site, IReadOnlyList<string> OtherNames, IReadOnlyList<SiteListItem> Children,
    IReadOnlyList<ReportSummary> Reports, IReadOnlyList<CitationView> SiteCitations);

/// <summary>Public reads of places.</summary>
public sealed class SiteStore(Database database)
{
    private readonly string ListSql = $"""
        WITH RECURSIVE {PlaceCondition.Cte(database.Dialect)}
        SELECT s.slug, p.slug AS parent_slug, s.kind, s.name_en, s.name_ar, s.summary, c.condition
        FROM site s
        LEFT JOIN site p ON p.id = s.parent_id AND {PublicSql.Site("p")}
        LEFT JOIN condition c ON c.site_id = s.id
        WHERE {PublicSql.Site("s")} AND (@kind IS NULL OR s.kind = @kind)
        ORDER BY s.name_en
        """;

    public async Task<IReadOnlyList<SiteListItem>> ListAsync(string? kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SiteListItem>(new CommandDefinition(ListSql, new { kind }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // A place's timeline: its own reports, and the damage and restorations of the places within it (at any
    // depth), which the page marks as such; their context events stay on their own pages.
    private static readonly string TimelineCte = $"""
        within (id) AS (
            SELECT s.id FROM site s WHERE s.slug = @slug
            UNION -- not ALL: a cycle of parents ends instead of looping
            SELECT c.id FROM within w JOIN site c ON c.parent_id = w.id WHERE {PublicSql.Site("c")}
        ),
        timeline (id) AS (
            SELECT r.id FROM damage_report r JOIN within w ON w.id = r.site_id
            JOIN site s ON s.id = r.site_id
            WHERE {PublicSql.Visible("r")} AND {PublicSql.Report("r", orDrafts: true)}
              AND (s.slug = @slug OR r.kind IN ('damage', 'restoration'))
        )
        """;

    // One round trip of six statements, whatever the number of reports: no query per row. A curator
    // previewing a draft place sees what its page will show once published: its published reports.
    private readonly string PageSql = $"""
        WITH RECURSIVE {PlaceCondition.Cte(database.Dialect)}
        SELECT s.id, s.publication, s.slug, s.kind, s.name_en, s.name_ar, s.summary, s.description, s.latitude, s.longitude,
               s.is_sensitive, s.built, s.unesco_whc_id, s.pleiades_id, s.wikidata_id, c.condition,
               p.slug AS parent_slug, p.name_en AS parent_name, s.version, s.updated_at
        FROM site s
        LEFT JOIN site p ON p.id = s.parent_id AND {PublicSql.Site("p")}
        LEFT JOIN condition c ON c.site_id = s.id
        WHERE s.slug = @slug AND {PublicSql.Site("s", orDrafts: true)};

        SELECT n.name FROM site_name n JOIN site s ON s.id = n.site_id
        WHERE s.slug = @slug ORDER BY n.position;

        WITH RECURSIVE {PlaceCondition.Cte(database.Dialect)}
        SELECT s.slug, @slug AS parent_slug, s.kind, s.name_en, s.name_ar, s.summary, c.condition
        FROM site s
        JOIN site p ON p.id = s.parent_id
        LEFT JOIN condition c ON c.site_id = s.id
        WHERE p.slug = @slug AND {PublicSql.Site("s")}
        ORDER BY s.name_en;

        WITH RECURSIVE {TimelineCte}
        {ReportStore.SummarySelect}
        JOIN timeline t ON t.id = r.id
        ORDER BY r.event_earliest, r.event_latest, r.reference;

        WITH RECURSIVE {TimelineCte}
        {CitationView.Select}
        JOIN timeline t ON t.id = ci.report_id
        ORDER BY ci.position;

        {CitationView.Select}
        JOIN site s ON s.id = ci.site_id
        WHERE s.slug = @slug
        ORDER BY ci.position;
        """;

    /// <summary>One place's page; a draft place is found only when <paramref name="includeDrafts"/> (a curator is looking).</summary>
    public async Task<SitePage?> GetPageAsync(string slug, bool includeDrafts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(PageSql, new { slug, includeDrafts }, cancellationToken: cancellationToken));
        var site = await results.ReadSingleOrDefaultAsync<SiteDetail>();
        if (site is null)
        {
            return null;
        }
        var names = (await results.ReadAsync<string>()).AsList();
        var children = (await results.ReadAsync<SiteListItem>()).AsList();
        var reports = (await results.ReadAsync<ReportSummary>()).AsList();
        var reportCitations = (await results.ReadAsync<CitationView>()).ToLookup(c => c.ReportId);
        var siteCitations = (await results.ReadAsync<CitationView>()).AsList();
        var withSources = reports.Select(r => r with { Citations = [.. reportCitations[r.Id]] }).ToList();
        return new SitePage(site, names, children, withSources, siteCitations);
    }

    private readonly string MapSql = $"""
        WITH RECURSIVE {PlaceCondition.Cte(database.Dialect)}
        SELECT s.slug, s.kind, s.name_en, s.name_ar, s.latitude, s.longitude, s.is_sensitive, c.condition
        FROM site s
        LEFT JOIN condition c ON c.site_id = s.id
        WHERE {PublicSql.Site("s")}
        ORDER BY s.name_en, s.slug
        """;

    /// <summary>Every public place with its coordinates (when known) and condition, for the map and its GeoJSON.</summary>
    public async Task<IReadOnlyList<MapPlace>> MapPlacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<MapPlace>(new CommandDefinition(MapSql, cancellationToken: cancellationToken))).AsList();
    }
}
