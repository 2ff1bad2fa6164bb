using System.Diagnostics;
using System.Globalization;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Search;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Benchmarks.Search;

/// <summary>
/// Search latency on a large synthetic registry: the app's own search (FTS5, every facet counted)
/// against a LIKE scan answering the same question (same words as a substring, same filters, the
/// same facet counts over reports, a page of results) in the same run on the same file.
/// </summary>
public static class SearchBench
{
    private const int Warmup = 3;
    private const int Runs = 40;
    private const int LikeRuns = 5;

    private static readonly (string Name, string Query)[] Cases =
    [
        ("rare word", $"q={SyntheticRegistry.RareWord}"),
        ("frequent word (2%)", $"q={SyntheticRegistry.FrequentWord}"),
        ("common word (20%)", $"q={SyntheticRegistry.CommonWord}"),
        ("common word + severity", $"q={SyntheticRegistry.CommonWord}&severity=destroyed"),
        ("no words, two filters", "severity=destroyed&certainty=high"),
        ("common word + dates, newest", $"q={SyntheticRegistry.CommonWord}&from=2015-06&to=2015-09&sort=newest"),
    ];

    public static async Task RunAsync(int places, int reports, int sources)
    {
        var folder = Directory.CreateTempSubdirectory("heritage-search-bench-").FullName;
        try
        {
            await SyntheticRegistry.CreateAsync(folder, places, reports, sources);
            await MeasureAsync(folder, postgres: null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One query of the table: its matches, the app's search latency percentiles and the LIKE scan's median.</summary>
    public sealed record Timing(string Name, long Matches, double P50, double P95, double P99, double LikeP50);

    /// <summary>Measures on a registry made earlier by <c>generate</c> (brought up to the current schema first), or on
    /// its copy in the PostgreSQL database <paramref name="postgres"/> names.</summary>
    public static async Task MeasureAsync(string folder, string? postgres)
    {
        var (loading, timings) = await MeasureAsync(new RegistryOptions
        {
            DataDirectory = folder, Seed = false,
            Database = postgres is null ? new DatabaseOptions()
                : new DatabaseOptions { Provider = DatabaseOptions.PostgreSql, ConnectionString = postgres },
        });
        Console.WriteLine($"First search after start (loads the doc values): {loading.TotalMilliseconds:0} ms");
        Console.WriteLine($"Search latency, {Runs} runs each (LIKE scan {LikeRuns} runs); every search counts all 10 facets.");
        Console.WriteLine($"{"query",-30} {"matches",9} {"p50",9} {"p95",9} {"p99",9} {"LIKE p50",10} {"LIKE/FTS",9}");
        foreach (var t in timings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Name,-30} {t.Matches,9:N0} {t.P50,6:0.0} ms {t.P95,6:0.0} ms {t.P99,6:0.0} ms {t.LikeP50,7:0} ms {t.LikeP50 / t.P50,8:0.0}x"));
        }
    }

    /// <summary>Every query of the table on the registry <paramref name="registry"/> names (SQLite or PostgreSQL), and the first search's time.</summary>
    public static async Task<(TimeSpan FirstSearch, IReadOnlyList<Timing> Timings)> MeasureAsync(RegistryOptions registry)
    {
        await using var database = new Database(Options.Create(registry));
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(database.Dialect.Provider), CancellationToken.None);
        await SearchIndex.RebuildIfStaleAsync(database, CancellationToken.None);
        using var docs = new SearchDocs(database);
        var store = new SearchStore(database, docs);
        var loading = Stopwatch.StartNew();
        await store.SearchAsync(SearchQuery.Parse(QueryHelpers.ParseQuery("?q=x")).Query, CancellationToken.None);
        var first = loading.Elapsed;
        var timings = new List<Timing>();
        foreach (var (name, text) in Cases)
        {
            var query = SearchQuery.Parse(QueryHelpers.ParseQuery("?" + text)).Query;
            long total = 0;
            var fts = await TimeAsync(Runs, async () => total = (await store.SearchAsync(query, CancellationToken.None))!.Total);
            var like = await TimeAsync(LikeRuns, () => LikeScanAsync(database, query));
            timings.Add(new Timing(name, total, Percentile(fts, 50), Percentile(fts, 95), Percentile(fts, 99), Percentile(like, 50)));
        }
        return (first, timings);
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> search)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await search();
        }
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await search();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static double Percentile(double[] sorted, int percent) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];

    /// <summary>The reference: the same search answered by scanning every report's text with LIKE (portable SQL, so it
    /// runs on both providers; PostgreSQL's LIKE is case-sensitive, which the bench's lower-case words do not feel).</summary>
    private static async Task LikeScanAsync(Database database, SearchQuery query)
    {
        await using var connection = await database.OpenAsync();
        var facets = string.Concat(new[] { "kind", "site_kind", "cause", "effect", "severity", "certainty", "verification", "site_id" }
            .Select(column => $"UNION ALL SELECT '{column}', CAST({column} AS TEXT), COUNT(*) FROM m GROUP BY {column}\n"));
        var order = query.Sort == "newest" ? "event_earliest DESC" : "event_earliest DESC, id";
        await connection.QueryAsync(new CommandDefinition($"""
            WITH m AS MATERIALIZED (
                SELECT x.id, x.kind, s.kind AS site_kind, x.cause, x.effect, x.severity, x.certainty, x.verification, x.site_id, x.event_earliest
                FROM damage_report x JOIN site s ON s.id = x.site_id
                WHERE {PublicSql.Visible("x")} AND {PublicSql.Visible("s")}
                  AND (x.title LIKE @like OR x.description LIKE @like OR x.reference LIKE @like OR x.assessor LIKE @like)
                  AND (@severity IS NULL OR x.severity = @severity)
                  AND (@from IS NULL OR x.event_latest >= @from) AND (@to IS NULL OR x.event_earliest <= @to)
            )
            SELECT 'total', NULL, COUNT(*) FROM m
            {facets}UNION ALL SELECT 'hit', CAST(id AS TEXT), 0 FROM (SELECT id FROM m ORDER BY {order} LIMIT 20) AS page
            UNION ALL SELECT 'site', slug, 0 FROM site WHERE name_en LIKE @like OR name_ar LIKE @like OR summary LIKE @like
            UNION ALL SELECT 'source', reference, 0 FROM source WHERE title LIKE @like OR publisher LIKE @like
            """,
            new
            {
                like = $"%{query.Text}%", severity = query.Terms.GetValueOrDefault("severity"),
                from = query.From is null ? null : Clock.ToText(query.From.Earliest), to = query.To is null ? null : Clock.ToText(query.To.Latest),
            }));
    }
}
