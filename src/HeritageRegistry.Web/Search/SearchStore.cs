using System.Data;
using System.Globalization;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.Search;

/// <summary>Runs searches for the search page, its CSV export and the JSON API.</summary>
public sealed class SearchStore(Database database)
{
    private static readonly string[] FacetNames = [.. SearchFilters.All.Select(f => f.Parameter), "site"];

    private static readonly string PlacesSql = $"""
        SELECT s.id, s.slug, s.name_en, s.name_ar, s.parent_id FROM site s WHERE {PublicSql.Visible("s")} ORDER BY s.name_en
        """;

    /// <summary>One page of results with facet counts; null when the site filter names no public place.</summary>
    public async Task<SearchResults?> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var places = (await connection.QueryAsync<Place>(new CommandDefinition(PlacesSql, cancellationToken: cancellationToken))).AsList();
        if (query.Site is not null && !places.Exists(p => p.Slug == query.Site))
        {
            return null;
        }
        var sql = new SearchSql(query);
        var rows = sql.MatchesNothing ? []
            : (await connection.QueryAsync<Row>(new CommandDefinition(sql.Page(FacetNames), sql.Parameters, cancellationToken: cancellationToken))).AsList();
        var hits = await LoadHitsAsync(connection, query.Words, [.. rows.Where(r => r.Facet == "hit").OrderBy(r => r.N)], cancellationToken);
        var total = rows.Find(r => r.Facet == "total")?.N ?? 0;
        return new SearchResults(query, total, hits, [.. VocabularyFacets(query, rows), PlaceFacet(query, rows, places)]);
    }

    public async Task<bool> IsPublicPlaceAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM site s WHERE s.slug = @slug AND {PublicSql.Visible("s")}", new { slug }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Every result of the query in page order, read from the database as it is written out.</summary>
    public async IAsyncEnumerable<SearchExportRow> ExportAsync(SearchQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = new SearchSql(query);
        if (sql.MatchesNothing)
        {
            yield break;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<SearchExportRow>(sql.Export(), sql.Parameters).WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static IEnumerable<Facet> VocabularyFacets(SearchQuery query, List<Row> rows) =>
        SearchFilters.All.Select(filter =>
        {
            var counts = rows.Where(r => r.Facet == filter.Parameter && r.Value is not null).ToDictionary(r => r.Value!, r => r.N);
            var chosen = query.Terms.GetValueOrDefault(filter.Parameter);
            return new Facet(filter.Parameter, filter.Terms.Name, [.. filter.Terms
                .Select(t => new FacetValue(t.Code, t.English, t.Arabic, counts.GetValueOrDefault(t.Code), t.Code == chosen))
                .Where(v => v.Count > 0 || v.Selected)]);
        });

    // Counts come per place; a place's count includes every place within it, as the filter does.
    private static Facet PlaceFacet(SearchQuery query, List<Row> rows, List<Place> places)
    {
        var byId = places.ToDictionary(p => p.Id);
        var counts = new Dictionary<long, long>();
        foreach (var row in rows.Where(r => r.Facet == "site"))
        {
            for (long? id = long.Parse(row.Value!, CultureInfo.InvariantCulture); id is { } at && byId.TryGetValue(at, out var place); id = place.ParentId)
            {
                counts[at] = counts.GetValueOrDefault(at) + row.N;
            }
        }
        // Places whose parent is not public are listed at the top level.
        var children = places.ToLookup(p => p.ParentId is { } parent && byId.ContainsKey(parent) ? parent : (long?)null);
        var values = new List<FacetValue>();
        void Add(long? parentId, int depth)
        {
            foreach (var place in children[parentId])
            {
                var count = counts.GetValueOrDefault(place.Id);
                if (count > 0 || place.Slug == query.Site)
                {
                    values.Add(new FacetValue(place.Slug, place.NameEn, place.NameAr, count, place.Slug == query.Site, depth));
                }
                Add(place.Id, depth + 1);
            }
        }
        Add(null, 0);
        return new Facet("site", "Place", values);
    }

    private static readonly string DetailsSql = """
        SELECT x.id, x.reference AS key, x.title, NULL AS title_ar, x.kind, x.event_date AS date, x.severity,
               s.slug AS site_slug, s.name_en AS site_name, x.assessor AS text1, NULL AS text2, NULL AS text3, x.description AS markdown
        FROM damage_report x JOIN site s ON s.id = x.site_id WHERE x.id IN @report;

        SELECT x.id, x.slug AS key, x.name_en AS title, x.name_ar AS title_ar, x.kind, NULL AS date, NULL AS severity,
               NULL AS site_slug, NULL AS site_name, x.summary AS text1,
               (SELECT string_agg(n.name, ', ') FROM site_name n WHERE n.site_id = x.id) AS text2, NULL AS text3, x.description AS markdown
        FROM site x WHERE x.id IN @site;

        SELECT x.id, x.reference AS key, x.title, NULL AS title_ar, x.kind, x.published_date AS date, NULL AS severity,
               NULL AS site_slug, NULL AS site_name, x.notes AS text1, x.publisher AS text2, x.authors AS text3, NULL AS markdown
        FROM source x WHERE x.id IN @source;

        SELECT x.id, CAST(x.id AS TEXT) AS key, COALESCE(x.caption, 'Photo of ' || s.name_en) AS title, NULL AS title_ar, x.phase AS kind,
               x.taken_date AS date, NULL AS severity, s.slug AS site_slug, s.name_en AS site_name,
               x.credit AS text1, NULL AS text2, NULL AS text3, NULL AS markdown
        FROM photo x JOIN site s ON s.id = x.site_id WHERE x.id IN @photo;
        """;

    private static async Task<IReadOnlyList<SearchHit>> LoadHitsAsync(IDbConnection connection, FtsQuery? words, List<Row> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }
        var ids = SearchIndex.Types.ToDictionary(t => t, t => hits.Where(h => h.Value == t).Select(h => h.Id!.Value).ToList());
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(DetailsSql,
            new { report = ids["report"], site = ids["site"], source = ids["source"], photo = ids["photo"] }, cancellationToken: cancellationToken));
        var details = new Dictionary<(string, long), SearchHit>();
        foreach (var type in new[] { "report", "site", "source", "photo" })
        {
            foreach (var detail in await results.ReadAsync<Detail>())
            {
                details[(type, detail.Id)] = ToHit(type, detail, words);
            }
        }
        return [.. hits.Where(h => details.ContainsKey((h.Value!, h.Id!.Value))).Select(h => details[(h.Value!, h.Id!.Value)])];
    }

    private static SearchHit ToHit(string type, Detail d, FtsQuery? words) => new()
    {
        Type = type,
        Key = d.Key,
        Url = $"/{type}s/{d.Key}",
        Title = Highlighter.Mark(words, d.Title),
        ArabicTitle = d.TitleAr is null ? null : Highlighter.Mark(words, d.TitleAr),
        Snippet = type switch
        {
            "report" => Highlighter.Snippet(words, Markdown.PlainText(d.Markdown), d.Text1),
            "site" => Highlighter.Snippet(words, d.Text1, d.Text2, Markdown.PlainText(d.Markdown)),
            _ => Highlighter.Snippet(words, d.Text1, d.Text2, d.Text3),
        },
        Date = d.Date,
        Kind = d.Kind,
        Severity = d.Severity,
        SiteSlug = d.SiteSlug,
        SiteName = d.SiteName,
    };

    private sealed record Row
    {
        public string Facet { get; init; } = "";
        public string? Value { get; init; }
        public long N { get; init; }
        public long? Id { get; init; }
    }

    private sealed record Place
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string? NameAr { get; init; }
        public long? ParentId { get; init; }
    }

    private sealed record Detail
    {
        public long Id { get; init; }
        public string Key { get; init; } = "";
        public string Title { get; init; } = "";
        public string? TitleAr { get; init; }
        public string? Kind { get; init; }
        public string? Date { get; init; }
        public string? Severity { get; init; }
        public string? SiteSlug { get; init; }
        public string? SiteName { get; init; }
        public string? Text1 { get; init; }
        public string? Text2 { get; init; }
        public string? Text3 { get; init; }
        public string? Markdown { get; init; }
    }
}
