namespace HeritageRegistry.Data;

/// <summary>SQL fragments every public read shares, so "what the public may see" and
/// "a site's current condition" are each defined once.</summary>
public static class PublicSql
{
    /// <summary>A row the public may see: published and not deleted. Append to a WHERE with the table alias.</summary>
    public static string Visible(string alias) => $"{alias}.publication = 'published' AND {alias}.deleted_at IS NULL";

    /// <summary>Like <see cref="Visible"/>, but drafts pass too when the query's @includeDrafts is true (curators previewing).</summary>
    public static string VisibleTo(string alias) => $"({alias}.publication = 'published' OR @includeDrafts) AND {alias}.deleted_at IS NULL";

    /// <summary>
    /// CTE <c>condition</c>(site_id, severity): a site's current condition is the severity of
    /// its latest published damage assessment (by the last day the event can mean).
    /// </summary>
    public static readonly string ConditionCte = $"""
        condition AS (
            SELECT site_id, severity FROM (
                SELECT r.site_id, r.severity,
                       ROW_NUMBER() OVER (PARTITION BY r.site_id
                                          ORDER BY r.event_latest DESC, r.event_earliest DESC, r.id DESC) AS n
                FROM damage_report r
                WHERE r.kind = 'damage' AND r.severity IS NOT NULL AND {Visible("r")}
            ) latest
            WHERE n = 1
        )
        """;
}
