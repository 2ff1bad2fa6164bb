namespace HeritageRegistry.Data;

/// <summary>
/// SQL fragments every public read shares, so "what the public may see" is defined once (a
/// place's condition is <see cref="PlaceCondition"/>).
/// <para>
/// A record is public when it is published and not deleted, and so is every record it hangs on:
/// a report's place; a photo's place and its report, if any; a citation's source and the report,
/// place or photo it supports (<see cref="Citation"/>). Each rule is a condition on one row, given its table alias, so it
/// can be appended to any WHERE or ON. With <c>orDrafts</c>, drafts (at every level) pass too when
/// the query's @includeDrafts is true: a curator previewing a draft, or a published report on one.
/// </para>
/// </summary>
public static class PublicSql
{
    /// <summary>The row's own state only: published and not deleted. Public queries use the record rules
    /// below, which add what the record hangs on; this is their building block.</summary>
    public static string Visible(string alias) => Own(alias, orDrafts: false);

    public static string Site(string alias, bool orDrafts = false) => Own(alias, orDrafts);

    public static string Source(string alias, bool orDrafts = false) => Own(alias, orDrafts);

    public static string Report(string alias, bool orDrafts = false) =>
        $"{Own(alias, orDrafts)} AND {Exists("site", $"{alias}.site_id", alias, Site, orDrafts)}";

    public static string Photo(string alias, bool orDrafts = false) =>
        $"{Own(alias, orDrafts)} AND {Exists("site", $"{alias}.site_id", alias, Site, orDrafts)}"
        + $" AND ({alias}.report_id IS NULL OR {Exists("damage_report", $"{alias}.report_id", alias, Report, orDrafts)})";

    /// <summary>A citation shown publicly: not deleted, and the report, place or photo it supports is public.
    /// Its source is the query's own (a source page, a bibliography) and passes <see cref="Source"/> there.</summary>
    public static string Citation(string alias) =>
        $"{alias}.deleted_at IS NULL"
        + $" AND ({alias}.report_id IS NULL OR {Exists("damage_report", $"{alias}.report_id", alias, Report, false)})"
        + $" AND ({alias}.site_id IS NULL OR {Exists("site", $"{alias}.site_id", alias, Site, false)})"
        + $" AND ({alias}.photo_id IS NULL OR {Exists("photo", $"{alias}.photo_id", alias, Photo, false)})";

    private static string Own(string alias, bool orDrafts) =>
        orDrafts
            ? $"({alias}.publication = 'published' OR @includeDrafts) AND {alias}.deleted_at IS NULL"
            : $"{alias}.publication = 'published' AND {alias}.deleted_at IS NULL";

    // The row the key points at passes its own rule. The inner alias extends the outer one, so nested
    // rules never shadow a name the caller's query uses.
    private static string Exists(string table, string key, string alias, Func<string, bool, string> rule, bool orDrafts)
    {
        var inner = $"{alias}_{table}";
        return $"EXISTS (SELECT 1 FROM {table} {inner} WHERE {inner}.id = {key} AND {rule(inner, orDrafts)})";
    }
}
