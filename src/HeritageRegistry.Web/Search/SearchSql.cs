using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Search.FullText;

namespace HeritageRegistry.Search;

/// <summary>
/// Builds the SQL of a CSV export (the page itself is filtered and counted in memory: DocSearch). Every record type is one branch of a UNION ALL ("docs") with the
/// same columns; each chosen filter is a 0/1 column test on those rows, so a filter that a type
/// lacks (severity on a source) simply fails there. Only identifiers from fixed tables reach the
/// SQL text; everything the user gave is a parameter.
/// </summary>
internal sealed class SearchSql
{
    private sealed record Branch(string Type, string Table, string Joins, string Visible, string Columns, string Wide);

    // Columns: site_id, report_kind, site_kind, cause, effect, severity, certainty, verification,
    // source_kind, earliest, latest, sort_date. Wide (CSV only): key, title, title_ar, date, site_slug, site_name,
    // description, source_references, source_titles.
    private static readonly Branch[] Branches =
    [
        new("report", "damage_report x", "JOIN site s ON s.id = x.site_id", PublicSql.Report("x"),
            "x.site_id, x.kind, s.kind, x.cause, x.effect, x.severity, x.certainty, x.verification, NULL, x.event_earliest, x.event_latest, x.event_earliest",
            $"x.reference, x.title, x.title_ar, x.event_date, s.slug, s.name_en, x.description, {Cited("report_id")}"),
        new("site", "site x", "", PublicSql.Site("x"),
            "x.id, NULL, x.kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL",
            $"x.slug, x.name_en, x.name_ar, NULL, NULL, NULL, x.description, {Cited("site_id")}"),
        new("source", "source x", "", PublicSql.Source("x"),
            "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.kind, NULL, NULL, x.published_earliest",
            "x.reference, x.title, NULL, x.published_date, NULL, NULL, NULL, NULL, NULL"),
        new("photo", "photo x", "JOIN site s ON s.id = x.site_id", PublicSql.Photo("x"),
            "x.site_id, NULL, s.kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, COALESCE(x.taken_date, substr(x.exif_taken_at, 1, 10))",
            $"CAST(x.id AS TEXT), COALESCE(x.caption, ''), x.caption_ar, x.taken_date, s.slug, s.name_en, NULL, {Cited("photo_id")}"),
    ];

    // The references ("S01; S12") and the titles of the public sources the record cites, in reference order.
    // Titles may hold semicolons, so a bar separates them and each title stays whole in a spreadsheet cell.
    private static string Cited(string column) => string.Join(", ", new[] { (Column: "reference", Separator: "; "), (Column: "title", Separator: " | ") }
        .Select(part => $"""
            (SELECT string_agg(so.{part.Column}, '{part.Separator}' ORDER BY so.reference) FROM source so
             WHERE {PublicSql.Source("so")} AND so.id IN (SELECT ci.source_id FROM citation ci WHERE ci.{column} = x.id AND {PublicSql.Citation("ci")}))
            """));

    private const string Columns = "type, id, site_id, report_kind, site_kind, cause, effect, severity, certainty, verification, source_kind, earliest, latest, sort_date, rank";
    private const string WideColumns = "key, title, title_ar, date, site_slug, site_name, description, source_references, source_titles";

    /// <summary>A chosen filter: its name (a facet's parameter), its 0/1 test, and which types can pass it.</summary>
    private sealed record Filter(string Name, string Test, Func<string, bool> CanPass);

    private readonly SearchQuery query;
    private readonly FtsQuery? words;
    private readonly IFullTextIndex fullText;
    private readonly List<Filter> filters = [];

    public SearchSql(SearchQuery query, IFullTextIndex fullText)
    {
        this.query = query;
        this.fullText = fullText;
        words = query.Words;
        Parameters.Add("match", words is null ? null : fullText.MatchParameter(words));
        foreach (var filter in SearchFilters.All.Where(f => query.Terms.ContainsKey(f.Parameter)))
        {
            var code = query.Terms[filter.Parameter];
            Parameters.Add(filter.Parameter, code);
            filters.Add(new Filter(filter.Parameter, $"d.{filter.Column} IS NOT DISTINCT FROM CAST(@{filter.Parameter} AS TEXT)",
                type => filter.Types.Contains(type) && (filter.Parameter != "type" || code == type)));
        }
        if (query.Site is not null)
        {
            Parameters.Add("site", query.Site);
            filters.Add(new Filter("site", "COALESCE(d.site_id IN (SELECT id FROM scope), FALSE)", SearchFilters.PlaceTypes.Contains));
        }
        if (query.From is not null || query.To is not null)
        {
            Parameters.Add("from", query.From is null ? null : Clock.ToText(query.From.Earliest));
            Parameters.Add("to", query.To is null ? null : Clock.ToText(query.To.Latest));
            // Overlap: the report can fall in the range if its interval starts before the range ends and ends after it starts.
            filters.Add(new Filter("date", "COALESCE((CAST(@from AS TEXT) IS NULL OR d.latest >= @from) AND (CAST(@to AS TEXT) IS NULL OR d.earliest <= @to), FALSE)", type => type == "report"));
        }
        Parameters.Add("size", query.PageSize);
        Parameters.Add("offset", (long)(query.Page - 1) * query.PageSize);
    }

    public DynamicParameters Parameters { get; } = new();

    /// <summary>Typed only symbols: nothing can match, no need to ask the database.</summary>
    public bool MatchesNothing => words is { IsEmpty: true };

    /// <summary>Every result in page order with the columns of <see cref="SearchExportRow"/>.</summary>
    public string Export()
    {
        return $"""
            {With(Docs(type => filters.All(f => f.CanPass(type)), wide: true))}
            SELECT d.type, d.key, d.title, d.title_ar, d.date, d.site_slug, d.site_name,
                   COALESCE(d.report_kind, d.site_kind, d.source_kind) AS kind,
                   d.severity, d.cause, d.effect, d.certainty, d.verification,
                   d.description, d.earliest, d.latest, d.source_references, d.source_titles
            FROM docs d WHERE {Test()}
            ORDER BY {Order()}
            """;
    }

    /// <summary>The public sources behind the results, once each in reference order, with the columns of
    /// <see cref="SourceDetail"/>: the sources found themselves and those the reports, places and photos found cite.</summary>
    public string Sources() => $"""
        {With(Docs(type => filters.All(f => f.CanPass(type)), wide: false), ranked: false)},
        found AS MATERIALIZED (SELECT d.type, d.id FROM docs d WHERE {Test()})
        SELECT {SourceStore.DetailColumns}
        FROM source so
        WHERE {PublicSql.Source("so")}
          AND (so.id IN (SELECT id FROM found WHERE type = 'source')
               OR so.id IN (SELECT ci.source_id FROM citation ci
                            WHERE {PublicSql.Citation("ci")}
                              AND (ci.report_id IN (SELECT id FROM found WHERE type = 'report')
                                   OR ci.site_id IN (SELECT id FROM found WHERE type = 'site')
                                   OR ci.photo_id IN (SELECT id FROM found WHERE type = 'photo'))))
        ORDER BY so.reference
        """;

    private string Test() => filters.Count == 0 ? "TRUE" : string.Join(" AND ", filters.Select(f => f.Test));

    private string With(string docs, bool ranked = true)
    {
        var ctes = new List<string>();
        if (query.Site is not null)
        {
            ctes.Add("""
                scope(id) AS (   -- the chosen place and every place within it
                    SELECT id FROM site WHERE slug = @site
                    UNION
                    SELECT s.id FROM site s JOIN scope ON s.parent_id = scope.id
                )
                """);
        }
        if (words is not null)
        {
            var types = SearchIndex.Types.Length;
            // Ranking costs a pass over every match's positions; a date order does not need it.
            ctes.Add($"""
                hits AS MATERIALIZED (   -- row_id is id * {types} + type (Data/SearchIndex.cs); names weigh more than text
                    SELECT m.row_id / {types} AS id, m.row_id % {types} AS code, m.rank
                    FROM ({fullText.MatchSql(ranked && query.Sort == "relevance")}) m
                )
                """);
        }
        ctes.Add(docs);
        return "WITH RECURSIVE\n" + string.Join(",\n", ctes);
    }

    private string Docs(Func<string, bool> include, bool wide)
    {
        var branches = Branches.Where(b => include(b.Type)).Select(b =>
        {
            var from = words is null ? b.Table : $"hits h JOIN {b.Table} ON x.id = h.id AND h.code = {SearchIndex.Types.IndexOf(b.Type)}";
            var rank = words is null ? "0.0" : "h.rank";
            return $"SELECT '{b.Type}', x.id, {b.Columns}, {rank}{(wide ? ", " + b.Wide : "")} FROM {from} {b.Joins} WHERE {b.Visible}";
        }).DefaultIfEmpty("SELECT " + string.Join(", ", Enumerable.Repeat("NULL", 15 + (wide ? 9 : 0))) + " WHERE FALSE");
        return $"docs({Columns}{(wide ? ", " + WideColumns : "")}) AS (\n{string.Join("\nUNION ALL\n", branches)}\n)";
    }

    // Undated records (places) come last either way; type and id keep pages stable.
    private string Order() => query.Sort switch
    {
        "newest" => "sort_date IS NULL, sort_date DESC, type, id",
        "oldest" => "sort_date IS NULL, sort_date, type, id",
        _ => "rank, sort_date IS NULL, sort_date DESC, type, id",
    };
}
