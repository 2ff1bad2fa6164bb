using System.Data;
using System.Globalization;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.Search;

/// <summary>
/// Runs searches for the search page, its CSV export and the JSON API. FTS5 finds the matching
/// records (FTS5 or PostgreSQL, Search/FullText); filtering, facet counts and order are worked out over the doc values in memory
/// (<see cref="SearchDocs"/>); only the page shown is read back from the tables.
/// </summary>
public sealed class SearchStore(Database database, SearchDocs docs)
{
    /// <summary>Above this many matches, "relevance" orders newest first: scoring every match with bm25
    /// costs about 1 ms per thousand, and a word found in that many records says little about any one.</summary>
    public const int ScoredMatchesLimit = 20_000;

    /// <summary>One page of results with facet counts; null when the site filter names no public place.</summary>
    public async Task<SearchResults?> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var words = query.Words;
        var matches = words is null or { IsEmpty: true } ? null
            : await database.Dialect.FullText.MatchesAsync(connection, words, query.Sort == "relevance", cancellationToken);
        var offset = (query.Page - 1) * query.PageSize;
        var (places, outcome, page, suggestion) = await docs.ReadAsync(connection, snapshot =>
        {
            var places = snapshot.Places;
            if ((query.Site is not null && !places.Any(p => p.Slug == query.Site)) || words is { IsEmpty: true })
            {
                return (places, (DocSearchOutcome?)null, (IReadOnlyList<Candidate>)[], (string?)null);
            }
            var found = DocSearch.Run(query, query.Site is null ? null : Within(places, query.Site), matches, snapshot.ByType, snapshot.Names);
            // A search that finds nothing may be misspelt: the places' names say what it could have meant.
            var suggestion = found.Results.Count == 0 ? snapshot.Names.Spelling.Suggest(query.Text) : null;
            return (places, (DocSearchOutcome?)found, DocSearch.Page(found.Results, query, offset, query.PageSize), suggestion);
        }, cancellationToken);
        if (query.Site is not null && !places.Any(p => p.Slug == query.Site))
        {
            return null;
        }
        if (outcome is null)
        {
            return new SearchResults(query, 0, [], [.. VocabularyFacets(query, []), PlaceFacet(query, [], places)]);
        }
        var rows = outcome.Counts.SelectMany(facet => facet.Value.Select(value => new Row { Facet = facet.Key, Value = value.Key, N = value.Value })).ToList();
        var hits = await LoadHitsAsync(connection, words, [.. page.Select((c, i) => new Row { Facet = "hit", Value = SearchIndex.Types[c.Type], N = i, Id = c.Id })], cancellationToken);
        return new SearchResults(query, outcome.Results.Count, hits, [.. VocabularyFacets(query, rows), PlaceFacet(query, rows, places)])
        {
            Suggestion = suggestion,
        };
    }

    /// <summary>The ids of a place and every public place within it.</summary>
    private static HashSet<int> Within(IReadOnlyList<SearchPlace> places, string slug)
    {
        var children = places.ToLookup(p => p.ParentId);
        var scope = new HashSet<int>();
        var pending = new Stack<SearchPlace>(places.Where(p => p.Slug == slug));
        while (pending.TryPop(out var place))
        {
            if (scope.Add((int)place.Id))
            {
                foreach (var child in children[place.Id])
                {
                    pending.Push(child);
                }
            }
        }
        return scope;
    }

    public async Task<bool> IsPublicPlaceAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM site s WHERE s.slug = @slug AND {PublicSql.Site("s")}", new { slug }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Every result of the query in page order, read from the database as it is written out.</summary>
    public async IAsyncEnumerable<SearchExportRow> ExportAsync(SearchQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = new SearchSql(query, database.Dialect.FullText);
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

    /// <summary>The bibliography of the query's results: see <see cref="SearchSql.Sources"/>.</summary>
    public async Task<IReadOnlyList<SourceDetail>> SourcesAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var sql = new SearchSql(query, database.Dialect.FullText);
        if (sql.MatchesNothing)
        {
            return [];
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SourceDetail>(new CommandDefinition(sql.Sources(), sql.Parameters, cancellationToken: cancellationToken))).AsList();
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
    private static Facet PlaceFacet(SearchQuery query, List<Row> rows, IReadOnlyList<SearchPlace> places)
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

    private static string DetailsSql(SqlDialect dialect) => $"""
        SELECT x.id, x.reference AS key, x.title, x.title_ar, x.kind, x.event_date AS date, x.severity,
               s.slug AS site_slug, s.name_en AS site_name, x.assessor AS text1, NULL AS text2, NULL AS text3, x.description AS markdown
        FROM damage_report x JOIN site s ON s.id = x.site_id WHERE {dialect.InList("x.id", "@report")};

        SELECT x.id, x.slug AS key, x.name_en AS title, x.name_ar AS title_ar, x.kind, NULL AS date, NULL AS severity,
               NULL AS site_slug, NULL AS site_name, x.summary AS text1,
               (SELECT string_agg(n.name, ', ' ORDER BY n.position, n.id) FROM site_name n WHERE n.site_id = x.id) AS text2, NULL AS text3, x.description AS markdown
        FROM site x WHERE {dialect.InList("x.id", "@site")};

        SELECT x.id, x.reference AS key, x.title, NULL AS title_ar, x.kind, x.published_date AS date, NULL AS severity,
               NULL AS site_slug, NULL AS site_name, x.notes AS text1, x.publisher AS text2, x.authors AS text3, NULL AS markdown
        FROM source x WHERE {dialect.InList("x.id", "@source")};

        SELECT x.id, CAST(x.id AS TEXT) AS key, COALESCE(x.caption, 'Photo of ' || s.name_en) AS title, x.caption_ar AS title_ar, x.phase AS kind,
               x.taken_date AS date, NULL AS severity, s.slug AS site_slug, s.name_en AS site_name,
               x.credit AS text1, NULL AS text2, NULL AS text3, NULL AS markdown
        FROM photo x JOIN site s ON s.id = x.site_id WHERE {dialect.InList("x.id", "@photo")};
        """;

    private static async Task<IReadOnlyList<SearchHit>> LoadHitsAsync(IDbConnection connection, FtsQuery? words, List<Row> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }
        var ids = SearchIndex.Types.ToDictionary(t => t, t => hits.Where(h => h.Value == t).Select(h => h.Id!.Value).ToList());
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(DetailsSql(SqlDialect.Of(connection)),
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
