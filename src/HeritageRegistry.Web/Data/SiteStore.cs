using Dapper;
using HeritageRegistry.Photos;

namespace HeritageRegistry.Data;

// Read models are property records: Dapper fills them by column name (snake_case mapped once in Database).

public sealed record SiteListItem
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string? ParentSlug { get; init; }
    public string Kind { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? NameAr { get; init; }
    public string? Summary { get; init; }
    public string? SummaryAr { get; init; }
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
    public string? SummaryAr { get; init; }
    public string? Description { get; init; }
    public string? DescriptionAr { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public bool IsSensitive { get; init; }
    public string? Built { get; init; }
    public string? UnescoWhcId { get; init; }
    public string? PleiadesId { get; init; }
    public string? WikidataId { get; init; }
    public PlaceCondition Condition { get; init; } = PlaceCondition.None;
    public long? ParentId { get; init; }
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
    /// <summary>The place it belongs to, when that is public too.</summary>
    public string? ParentSlug { get; init; }
    public string? ParentName { get; init; }
    public PlaceCondition Condition { get; init; } = PlaceCondition.None;
}

public sealed record SitePage(SiteDetail Site, IReadOnlyList<string> OtherNames, IReadOnlyList<SiteListItem> Children,
    IReadOnlyList<ReportSummary> Reports, IReadOnlyList<CitationView> SiteCitations)
{
    /// <summary>Read only for the HTML page (<c>withGallery</c>); the API and the bibliography have no use for them.</summary>
    public IReadOnlyList<PhotoView> Photos { get; init; } = [];

    /// <summary>Claims the sources disagree about: ReportId null for the place's own facts.</summary>
    public IReadOnlyList<Disagreement> Disagreements { get; init; } = [];
}

/// <summary>Public reads of places.</summary>
public sealed class SiteStore(Database database, PlaceConditions placeConditions)
{
    private static readonly string ListSql = $"""
        SELECT s.id, s.slug, p.slug AS parent_slug, s.kind, s.name_en, s.name_ar, s.summary, s.summary_ar
        FROM site s
        LEFT JOIN site p ON p.id = s.parent_id AND {PublicSql.Site("p")}
        WHERE {PublicSql.Site("s")} AND (@kind IS NULL OR s.kind = @kind)
        ORDER BY s.name_en
        """;

    public async Task<IReadOnlyList<SiteListItem>> ListAsync(string? kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SiteListItem>(new CommandDefinition(ListSql, new { kind }, cancellationToken: cancellationToken));
        var conditions = await placeConditions.CurrentAsync(connection, cancellationToken);
        return [.. rows.Select(row => row with { Condition = conditions.Of(row.Slug) })];
    }

    // A place's timeline: its own reports, and the damage and restorations of the places within it (at any
    // depth), which the page marks as such; their context events stay on their own pages.
    private static readonly string TimelineCte = $"""
        within (id, depth) AS (
            SELECT s.id, 0 FROM site s WHERE s.slug = @slug
            UNION -- not ALL: a cycle of parents ends instead of looping
            SELECT c.id, 1 FROM within w JOIN site c ON c.parent_id = w.id WHERE {PublicSql.Site("c")}
        ),
        timeline (id) AS (
            SELECT r.id FROM within w JOIN damage_report r ON r.site_id = w.id
            WHERE {PublicSql.Visible("r")} AND {PublicSql.Report("r", orDrafts: true)}
              AND (w.depth = 0 OR r.kind IN ('damage', 'restoration'))
        )
        """;

    // One round trip, whatever the number of reports: no query per row. First the generation the place conditions
    // must match. A curator previewing a draft place sees what its page will show once published: its published reports.
    private static readonly string PageSql = $"""
        {SearchIndex.GenerationSql};

        SELECT s.id, s.publication, s.slug, s.kind, s.name_en, s.name_ar, s.summary, s.summary_ar, s.description, s.description_ar, s.latitude, s.longitude,
               s.is_sensitive, s.built, s.unesco_whc_id, s.pleiades_id, s.wikidata_id,
               p.id AS parent_id, p.slug AS parent_slug, p.name_en AS parent_name, s.version, s.updated_at
        FROM site s
        LEFT JOIN site p ON p.id = s.parent_id AND {PublicSql.Site("p")}
        WHERE s.slug = @slug AND {PublicSql.Site("s", orDrafts: true)};

        SELECT n.name FROM site_name n JOIN site s ON s.id = n.site_id
        WHERE s.slug = @slug ORDER BY n.position;

        SELECT s.id, s.slug, @slug AS parent_slug, s.kind, s.name_en, s.name_ar, s.summary, s.summary_ar
        FROM site s
        JOIN site p ON p.id = s.parent_id
        WHERE p.slug = @slug AND {PublicSql.Site("s")}
        ORDER BY s.name_en;

        WITH RECURSIVE {TimelineCte}
        {ReportStore.SummarySelect}
        WHERE r.id IN (SELECT id FROM timeline)
        ORDER BY r.event_earliest, r.event_latest, r.reference;

        -- IN, not a join, here and above: SQLite then reads from the places to their reports (ix_report_site) and
        -- on to their citations (ix_citation_report), rather than every report or every citation of every source.
        WITH RECURSIVE {TimelineCte}
        {CitationView.Select}
        WHERE ci.report_id IN (SELECT id FROM timeline)
        ORDER BY ci.position;

        {CitationView.Select}
        JOIN site s ON s.id = ci.site_id
        WHERE s.slug = @slug
        ORDER BY ci.position;
        """;

    // The HTML page's whole read, its photos and disagreements too, in the same round trip: on PostgreSQL each round
    // trip costs the web node more CPU (a send and a wake-up) than the statements cost the server.
    private static readonly string GalleryPageSql = $"""
        {PageSql}
        {PhotoStore.SiteGallerySql};
        {DisagreementStore.ForSiteSql};
        """;

    /// <summary>
    /// One place's page, with its photos and disagreements when <paramref name="withGallery"/>; a draft place is found
    /// only when <paramref name="includeDrafts"/> (a curator is looking).
    /// </summary>
    public async Task<SitePage?> GetPageAsync(string slug, bool includeDrafts, CancellationToken cancellationToken, bool withGallery = false)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        long generation;
        SitePage page;
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(withGallery ? GalleryPageSql : PageSql,
            new { slug, siteSlug = slug, includeDrafts }, cancellationToken: cancellationToken)))
        {
            generation = await results.ReadSingleAsync<long>();
            if (await results.ReadSingleOrDefaultAsync<SiteDetail>() is not { } site)
            {
                return null;
            }
            var names = (await results.ReadAsync<string>()).AsList();
            var children = (await results.ReadAsync<SiteListItem>()).AsList();
            var reports = (await results.ReadAsync<ReportSummary>()).AsList();
            var reportCitations = (await results.ReadAsync<CitationView>()).ToLookup(c => c.ReportId);
            var siteCitations = (await results.ReadAsync<CitationView>()).AsList();
            page = new SitePage(site, names, children, [.. reports.Select(r => r with { Citations = [.. reportCitations[r.Id]] })], siteCitations);
            if (withGallery)
            {
                page = page with { Photos = (await results.ReadAsync<PhotoView>()).AsList(), Disagreements = DisagreementStore.Group(await results.ReadAsync<DisagreementStore.Row>()) };
            }
        }
        // After the reader is done: the conditions are derived again over this connection when the record has moved on.
        var conditions = await placeConditions.AtAsync(connection, generation, cancellationToken);
        return page with
        {
            Site = page.Site with { Condition = conditions.Of(page.Site.Slug) },
            Children = [.. page.Children.Select(child => child with { Condition = conditions.Of(child.Slug) })],
        };
    }

    private static readonly string MapSql = $"""
        SELECT s.slug, s.kind, s.name_en, s.name_ar, s.latitude, s.longitude, s.is_sensitive,
               p.slug AS parent_slug, p.name_en AS parent_name
        FROM site s
        LEFT JOIN site p ON p.id = s.parent_id AND {PublicSql.Site("p")}
        WHERE {PublicSql.Site("s")}
        ORDER BY s.name_en, s.slug
        """;

    /// <summary>Every public place with its coordinates (when known) and condition, for the map and its GeoJSON.</summary>
    public async Task<IReadOnlyList<MapPlace>> MapPlacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var places = await connection.QueryAsync<MapPlace>(new CommandDefinition(MapSql, cancellationToken: cancellationToken));
        var conditions = await placeConditions.CurrentAsync(connection, cancellationToken);
        return [.. places.Select(place => place with { Condition = conditions.Of(place.Slug) })];
    }
}
