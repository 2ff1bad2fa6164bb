namespace HeritageRegistry.Data;

/// <summary>SQL fragments every public read shares, so "what the public may see" is defined once
/// (a place's condition is <see cref="PlaceCondition"/>).</summary>
public static class PublicSql
{
    /// <summary>A row the public may see: published and not deleted. Append to a WHERE with the table alias.</summary>
    public static string Visible(string alias) => $"{alias}.publication = 'published' AND {alias}.deleted_at IS NULL";

    /// <summary>Like <see cref="Visible"/>, but drafts pass too when the query's @includeDrafts is true (curators previewing).</summary>
    public static string VisibleTo(string alias) => $"({alias}.publication = 'published' OR @includeDrafts) AND {alias}.deleted_at IS NULL";
}
