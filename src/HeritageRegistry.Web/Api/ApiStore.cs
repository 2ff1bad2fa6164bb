using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Api;

/// <summary>
/// Paged public lists for the open-data API. Each list is one round trip: the page of rows, then the
/// count of all rows that match, under the same WHERE. Single records reuse the page stores.
/// </summary>
public sealed class ApiStore(Database database, PlaceConditions placeConditions)
{
    // A parent shows only when it is public itself; filtering by an unpublished parent finds nothing.
    private static readonly string ParentJoin = $"LEFT JOIN site p ON p.id = s.parent_id AND {PublicSql.Site("p")}";

    private static readonly string SitesWhere =
        $"WHERE {PublicSql.Site("s")} AND (@kind IS NULL OR s.kind = @kind) AND (@parent IS NULL OR p.slug = @parent)";

    private static readonly string SitesSql = $"""
        SELECT s.id, s.slug, p.slug AS parent_slug, s.kind, s.name_en, s.name_ar, s.summary, s.summary_ar
        FROM site s
        {ParentJoin}
        {SitesWhere}
        ORDER BY s.name_en, s.slug
        LIMIT @limit OFFSET @offset;

        SELECT COUNT(*) FROM site s {ParentJoin} {SitesWhere};
        """;

    public async Task<(IReadOnlyList<SiteListItem> Rows, int Total)> SitesAsync(string? kind, string? parent, Paging paging, CancellationToken cancellationToken)
    {
        var (rows, total) = await PageAsync<SiteListItem>(SitesSql, new { kind, parent, limit = paging.PageSize, offset = paging.Offset }, cancellationToken);
        var conditions = await placeConditions.CurrentAsync(cancellationToken);
        return ([.. rows.Select(row => row with { Condition = conditions.Of(row.Slug) })], total);
    }

    // A report is in a date window when its date interval overlaps it (ISO days compare as text).
    private static readonly string ReportsWhere = $"""
        FROM damage_report r
        JOIN site s ON s.id = r.site_id
        WHERE {PublicSql.Report("r")}
          AND (@site IS NULL OR s.slug = @site)
          AND (@kind IS NULL OR r.kind = @kind)
          AND (@severity IS NULL OR r.severity = @severity)
          AND (@from IS NULL OR r.event_latest >= @from)
          AND (@to IS NULL OR r.event_earliest <= @to)
        """;

    private static readonly string ReportsSql = $"""
        SELECT r.id, r.reference, r.kind, r.title, r.title_ar, r.event_date, r.event_earliest, r.event_latest,
               r.cause, r.severity, r.certainty, r.verification, s.slug AS site_slug, s.name_en AS site_name
        {ReportsWhere}
        ORDER BY r.event_earliest, r.event_latest, r.reference
        LIMIT @limit OFFSET @offset;

        SELECT COUNT(*) {ReportsWhere};
        """;

    public Task<(IReadOnlyList<ReportSummary> Rows, int Total)> ReportsAsync(ReportFilter filter, Paging paging, CancellationToken cancellationToken) =>
        PageAsync<ReportSummary>(ReportsSql, new
        {
            site = filter.Site,
            kind = filter.Kind,
            severity = filter.Severity,
            from = filter.From is { } from ? Clock.ToText(from) : null,
            to = filter.To is { } to ? Clock.ToText(to) : null,
            limit = paging.PageSize,
            offset = paging.Offset,
        }, cancellationToken);

    private static readonly string SourcesWhere = $"""
        FROM source so
        WHERE {PublicSql.Source("so")} AND (@kind IS NULL OR so.kind = @kind)
        """;

    private static readonly string SourcesSql = $"""
        SELECT so.reference, so.kind, so.title, so.publisher, so.authors, so.published_date, so.url
        {SourcesWhere}
        ORDER BY so.reference
        LIMIT @limit OFFSET @offset;

        SELECT COUNT(*) {SourcesWhere};
        """;

    public Task<(IReadOnlyList<SourceListItem> Rows, int Total)> SourcesAsync(string? kind, Paging paging, CancellationToken cancellationToken) =>
        PageAsync<SourceListItem>(SourcesSql, new { kind, limit = paging.PageSize, offset = paging.Offset }, cancellationToken);

    private async Task<(IReadOnlyList<T> Rows, int Total)> PageAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<T>()).AsList();
        return (rows, await results.ReadSingleAsync<int>());
    }
}

/// <summary>The report filters of <c>GET /api/v1/reports</c>, already checked.</summary>
public sealed record ReportFilter(string? Site, string? Kind, string? Severity, DateOnly? From, DateOnly? To);
