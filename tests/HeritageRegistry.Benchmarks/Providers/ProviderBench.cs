using System.Diagnostics;
using System.Globalization;
using HeritageRegistry.Benchmarks.Pages;
using HeritageRegistry.Benchmarks.Search;
using HeritageRegistry.Data;

namespace HeritageRegistry.Benchmarks.Providers;

/// <summary>
/// PostgreSQL beside SQLite, in one run: the synthetic registry (a million reports) made in SQLite and moved to
/// PostgreSQL by the app's own copy-data (binary COPY, verified by counts and checksums), the search table on both;
/// the page throughput table of one node on each; and two web nodes on one PostgreSQL database against one.
/// Every comparison is a ratio PostgreSQL/SQLite (or two nodes/one) of figures measured here.
/// </summary>
public static class ProviderBench
{
    /// <summary>Every part, or only those named (search, pages, nodes).</summary>
    public static async Task RunAsync(BenchPostgres postgres, string webDll, int reports, IReadOnlyCollection<string> parts)
    {
        try
        {
            if (parts.Count == 0 || parts.Contains("search"))
            {
                await SearchAsync(postgres, webDll, reports);
            }
            if (parts.Count == 0 || parts.Contains("pages"))
            {
                await ThroughputAsync(postgres, webDll);
            }
            if (parts.Count == 0 || parts.Contains("nodes"))
            {
                await TwoNodesAsync(postgres, webDll);
            }
        }
        finally
        {
            await postgres.DropAllAsync();
        }
    }

    private static async Task SearchAsync(BenchPostgres postgres, string webDll, int reports)
    {
        var folder = Directory.CreateTempSubdirectory("heritage-provider-bench-").FullName;
        try
        {
            await SyntheticRegistry.CreateAsync(folder, reports / 100, reports, reports / 10);
            var connectionString = await postgres.CreateDatabaseAsync();
            var copying = Stopwatch.StartNew();
            var copy = await RunAppAsync(webDll, new Dictionary<string, string> { ["Registry__DataDirectory"] = folder, ["Logging__LogLevel__Default"] = "Warning" },
                ["copy-data", "--to-postgresql", connectionString]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copy-data to PostgreSQL in {copying.Elapsed.TotalSeconds:0} s: {copy.LastOrDefault()}"));

            var sqlite = await SearchBench.MeasureAsync(new RegistryOptions { DataDirectory = folder, Seed = false });
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // No command timeout: the LIKE scan of a million reports is the slow reference, and must finish.
            var postgreSql = await SearchBench.MeasureAsync(new RegistryOptions
            {
                DataDirectory = folder, Seed = false,
                Database = new DatabaseOptions
                {
                    Provider = DatabaseOptions.PostgreSql,
                    ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ToString(),
                },
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Search at {reports:N0} reports, every facet counted: SQLite (FTS5) and PostgreSQL (GIN), p95 target on PostgreSQL <= 150 ms. " +
                $"First search (loads the doc values): SQLite {sqlite.FirstSearch.TotalMilliseconds:0} ms, PostgreSQL {postgreSql.FirstSearch.TotalMilliseconds:0} ms"));
            Console.WriteLine($"{"query",-30} {"matches",9} {"SQLite p50",11} {"p95",9} {"PG p50",9} {"p95",9} {"PG/SQLite p50",14} {"p95",6}");
            foreach (var (lite, pg) in sqlite.Timings.Zip(postgreSql.Timings))
            {
                var same = lite.Matches == pg.Matches ? "" : $"  (PostgreSQL matched {pg.Matches:N0})";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{lite.Name,-30} {lite.Matches,9:N0} {lite.P50,8:0.0} ms {lite.P95,6:0.0} ms {pg.P50,6:0.0} ms {pg.P95,6:0.0} ms {pg.P50 / lite.P50,14:0.00} {pg.P95 / lite.P95,6:0.00}{same}"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ThroughputAsync(BenchPostgres postgres, string webDll)
    {
        var (sqliteStartup, sqlite) = await Throughput.MeasureAsync(webDll, new Dictionary<string, string>());
        var (postgreSqlStartup, postgreSql) = await Throughput.MeasureAsync(webDll, BenchPostgres.Settings(await postgres.CreateDatabaseAsync()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Start-up on an empty registry: SQLite {sqliteStartup.TotalSeconds:0.00} s, PostgreSQL {postgreSqlStartup.TotalSeconds:0.00} s"));
        Console.WriteLine($"Throughput of one node, wrk -t2 -c50 -d{Throughput.Seconds}s; ratio = to the static file in the same app's run; target PG/SQLite >= 0.67");
        // The CPU a request takes in the web node, and in PostgreSQL's processes, which on this machine share its cores.
        Console.WriteLine($"{"request",-44} {"SQLite req/s",12} {"ratio",6} {"PG req/s",9} {"ratio",6} {"PG/SQLite",10}   CPU ms a request: SQLite app | PG app + PostgreSQL");
        foreach (var (lite, pg) in sqlite.Zip(postgreSql))
        {
            var errors = lite.Errors + pg.Errors > 0 ? $"  ({lite.Errors}/{pg.Errors} not 2xx)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lite.Name,-44} {lite.PerSecond,12:0} {lite.Ratio,6:0.00} {pg.PerSecond,9:0} {pg.Ratio,6:0.00} {pg.PerSecond / lite.PerSecond,10:0.00}   " +
                $"{lite.AppMs,6:0.000} | {pg.AppMs:0.000} + {pg.DatabaseMs:0.000}{errors}"));
        }
    }

    /// <summary>
    /// Two nodes on one database against one node, uncached pages (wrk's 50 connections split between the nodes as a
    /// load balancer would). Measured twice: free to use both cores, and with each node held to a core of its own
    /// (taskset), one node on one core against two on two; wrk and PostgreSQL run on the same two cores throughout,
    /// and each row says how many cores the nodes, PostgreSQL and wrk kept busy.
    /// </summary>
    private static async Task TwoNodesAsync(BenchPostgres postgres, string webDll)
    {
        var settings = BenchPostgres.Settings(await postgres.CreateDatabaseAsync());
        var folders = new[] { Directory.CreateTempSubdirectory("heritage-node-a-").FullName, Directory.CreateTempSubdirectory("heritage-node-b-").FullName };
        var ports = new[] { Ports.Free(), Ports.Free() };
        var nodes = new List<Process>();
        try
        {
            // A migrates and seeds; B starts on what A made.
            foreach (var (folder, port) in folders.Zip(ports))
            {
                var node = Throughput.Start(webDll, port, Throughput.Settings(folder, settings));
                nodes.Add(node);
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await Throughput.FirstOkAsync(client, Stopwatch.StartNew());
            }
            string[] pages = ["/sites/temple-of-bel", "/reports/PAL-2015-0010"];
            var ids = nodes.Select(node => node.Id).ToList();
            // Each node under the whole load first, both pages twice, past the JIT's first tiers: on this loaded machine a
            // new node took about 25 s of load to reach its steady CPU per request (3.5 ms a place page at first, 0.7 ms
            // after), and a shorter warm-up measured the first rows on slower code.
            foreach (var port in ports)
            {
                foreach (var page in pages.Concat(pages))
                {
                    await Throughput.WrkAsync([$"http://127.0.0.1:{port}{page}"], null, Throughput.BypassCache, Throughput.Seconds);
                }
            }
            Console.WriteLine($"Two web nodes on one PostgreSQL database against one, uncached pages, wrk -c50 -d{Throughput.Seconds}s in all (target >= 1.6x when each node has cores of its own)");
            Console.WriteLine($"{"page",-26} {"cores",-28} {"1 node req/s",13} {"2 nodes req/s",14} {"2/1",6}  cores busy: 1 node | 2 nodes (of {Environment.ProcessorCount})");
            foreach (var pinned in new[] { false, true })
            {
                Pin(nodes, pinned);
                foreach (var page in pages)
                {
                    var urls = ports.Select(port => $"http://127.0.0.1:{port}{page}").ToList();
                    await Throughput.WrkAsync(urls, null, Throughput.BypassCache, Throughput.WarmUpSeconds);
                    var start = CpuUse.Now(ids);
                    var one = await Throughput.WrkAsync(urls[..1], null, Throughput.BypassCache, Throughput.Seconds);
                    var middle = CpuUse.Now(ids);
                    var two = await Throughput.WrkAsync(urls, null, Throughput.BypassCache, Throughput.Seconds);
                    var end = CpuUse.Now(ids);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{page,-26} {(pinned ? "a core per node (taskset)" : "both nodes on both cores"),-28} {one.PerSecond,13:0} {two.PerSecond,14:0} {two.PerSecond / one.PerSecond,6:0.00}  " +
                        $"{(middle - start).Cores(Throughput.Seconds)} | {(end - middle).Cores(Throughput.Seconds)}"));
                }
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
                node.Dispose();
            }
            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Holds node i and all its threads to core i, or frees every node to use every core.</summary>
    private static void Pin(List<Process> nodes, bool pinned)
    {
        var all = $"0-{Environment.ProcessorCount - 1}";
        for (var i = 0; i < nodes.Count; i++)
        {
            using var taskset = Process.Start(new ProcessStartInfo("taskset",
                ["-a", "-p", "-c", pinned ? (i % Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture) : all, nodes[i].Id.ToString(CultureInfo.InvariantCulture)])
                { RedirectStandardOutput = true })!;
            taskset.WaitForExit();
        }
    }

    /// <summary>Runs one of the app's commands to the end and returns its output lines.</summary>
    private static async Task<string[]> RunAppAsync(string webDll, IReadOnlyDictionary<string, string> settings, string[] args)
    {
        var start = Throughput.App(webDll, args, settings);
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args.Take(2))} failed: {await error}");
        }
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
