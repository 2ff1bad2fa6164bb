using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace HeritageRegistry.Benchmarks.Pages;

/// <summary>
/// Throughput under load: wrk (2 threads, 50 connections) against the Release app, each request type as a
/// ratio to the static file <c>/css/site.css</c> served by the same process in the same run.
/// Also the time from process start to the first 200 on an empty data folder (migrations and the seed).
/// </summary>
public static partial class Throughput
{
    private const string Password = "bench-password-not-secret";
    public const int Seconds = 8;
    public const int WarmUpSeconds = 3;

    private enum Cache { Used, Bypassed, MissedAndStored }

    // "Bypassed" sends credentials, which the output cache's default policy neither looks up nor stores: the
    // page is rendered from the database every time, as on a miss. "Missed and stored" adds a new query string
    // per request instead, so each is rendered and then stored; with wrk that fills the cache with tens of
    // thousands of distinct entries, which measures the store's eviction more than the page.
    private static readonly (string Name, string Path, Cache Cache, bool SignedIn)[] Requests =
    [
        ("static file /css/site.css", "/css/site.css", Cache.Used, false),
        ("site page, anonymous, not cached", "/sites/temple-of-bel", Cache.Bypassed, false),
        ("Palmyra (its parts and their timelines)", "/sites/palmyra", Cache.Bypassed, false),
        ("report page, anonymous, not cached", "/reports/PAL-2015-0010", Cache.Bypassed, false),
        ("/api/v1/sites/temple-of-bel", "/api/v1/sites/temple-of-bel", Cache.Bypassed, false),
        ("/api/v1/reports/PAL-2015-0010", "/api/v1/reports/PAL-2015-0010", Cache.Bypassed, false),
        ("site page, signed-in curator", "/sites/temple-of-bel", Cache.Used, true),
        ("/search?q=bel, signed-in curator", "/search?q=bel", Cache.Used, true),
        ("site page from the output cache", "/sites/temple-of-bel", Cache.Used, false),
        ("site page, missed and stored each time", "/sites/temple-of-bel", Cache.MissedAndStored, false),
    ];

    /// <summary>One row of the table: a request type's throughput and latency under wrk, and the CPU time each request
    /// took in the app and in PostgreSQL's processes (milliseconds).</summary>
    public sealed record Row(string Name, double PerSecond, double Ratio, string P50, string P99, long Errors, double AppMs, double DatabaseMs);

    public static async Task RunAsync(string webDll)
    {
        var (startup, rows) = await MeasureAsync(webDll, new Dictionary<string, string>());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Start-up: {startup.TotalSeconds:0.00} s from process start to the first 200 on / with an empty data folder (migrations and the Palmyra seed; target <= 2 s)"));
        Print(rows);
    }

    public static void Print(IEnumerable<Row> rows)
    {
        Console.WriteLine($"Throughput: wrk -t2 -c50 -d{Seconds}s, each row as a ratio to the static file in this run");
        Console.WriteLine($"{"request",-44} {"req/s",9} {"ratio",6} {"p50",9} {"p99",9}");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name,-44} {row.PerSecond,9:0} {row.Ratio,6:0.00} {row.P50,9} {row.P99,9}{(row.Errors > 0 ? $"  ({row.Errors} not 2xx)" : "")}"));
        }
    }

    /// <summary>Starts the app on an empty data folder with <paramref name="environment"/> added to its settings (e.g.
    /// a PostgreSQL database), times its start-up and measures every request type, after a warm-up pass.</summary>
    public static async Task<(TimeSpan Startup, IReadOnlyList<Row> Rows)> MeasureAsync(string webDll, IReadOnlyDictionary<string, string> environment)
    {
        var data = Directory.CreateTempSubdirectory("heritage-bench-").FullName;
        var settings = Settings(data, environment);
        var port = Ports.Free();
        var started = Stopwatch.StartNew();
        using var app = Start(webDll, port, settings);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var startup = await FirstOkAsync(client, started);
            var cookie = await SignInAsync(webDll, settings, client);
            var script = Path.Combine(data, "fresh.lua");
            await File.WriteAllTextAsync(script, FreshScript);
            var rows = new List<Row>();
            // Warm every path first: the first seconds run on tier-0 code that the JIT then replaces.
            foreach (var pass in new[] { false, true })
            {
                double? reference = null;
                foreach (var (name, path, cache, signedIn) in Requests)
                {
                    var header = signedIn ? $"Cookie: {cookie}" : cache == Cache.Bypassed ? BypassCache : null;
                    var before = CpuUse.Now([app.Id]);
                    var result = await WrkAsync([$"http://127.0.0.1:{port}{path}"], cache == Cache.MissedAndStored ? script : null, header,
                        pass ? Seconds : WarmUpSeconds);
                    var used = CpuUse.Now([app.Id]) - before;
                    reference ??= result.PerSecond;
                    if (pass)
                    {
                        var requests = result.PerSecond * Seconds / 1000;
                        rows.Add(new Row(name, result.PerSecond, result.PerSecond / reference.Value, result.P50, result.P99, result.Errors,
                            used.Nodes / requests, used.PostgreSql / requests));
                    }
                }
            }
            return (startup, rows);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The header that makes the output cache neither look up nor store: every page is rendered.</summary>
    public const string BypassCache = "Authorization: Bench";

    /// <summary>The app's settings for a run: its data folder, quiet logs, no rate limits (wrk is one client: limited, it
    /// would measure the 429s), and the caller's own.</summary>
    public static Dictionary<string, string> Settings(string data, IReadOnlyDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>
        {
            ["Registry__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning",
            ["Registry__RateLimits__SearchPerMinute"] = "0", ["Registry__RateLimits__ApiPerMinute"] = "0",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Starts the Release app on a loopback port.</summary>
    public static Process Start(string webDll, int port, IReadOnlyDictionary<string, string> settings) =>
        Process.Start(App(webDll, ["--urls", $"http://127.0.0.1:{port}"], settings))!;

    /// <summary>How to run the app (the site or one of its commands) with these settings as its environment, its output read.</summary>
    public static ProcessStartInfo App(string webDll, IEnumerable<string> args, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [webDll, .. args]) { RedirectStandardOutput = true };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    // A new query string per request misses the output cache.
    private const string FreshScript = """
        counter = 0
        request = function()
          counter = counter + 1
          local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
          return wrk.format(nil, wrk.path .. separator .. "fresh=" .. counter .. "-" .. math.random(1000000000))
        end
        """;

    public static async Task<TimeSpan> FirstOkAsync(HttpClient client, Stopwatch started)
    {
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("The app did not answer 200 on / within 60 s.");
    }

    /// <summary>Adds a curator with the app's own command and signs in through the login form; returns the Cookie header.</summary>
    private static async Task<string> SignInAsync(string webDll, IReadOnlyDictionary<string, string> settings, HttpClient app)
    {
        var start = App(webDll, ["users", "add", "bench", "--role", "curator"], settings);
        start.Environment["HERITAGE_PASSWORD"] = Password;
        using (var add = Process.Start(start)!)
        {
            await add.WaitForExitAsync();
        }
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var posted = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "bench", ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect && !posted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in the bench curator answered {(int)posted.StatusCode}.");
        }
        return cookies.GetCookieHeader(app.BaseAddress!);
    }

    public sealed record WrkResult(double PerSecond, string P50, string P99, long Errors);

    /// <summary>wrk against one address, or against several at once (one wrk each, the 50 connections shared
    /// among them, as a load balancer would); req/s and errors are summed, latencies are the first's.</summary>
    public static async Task<WrkResult> WrkAsync(IReadOnlyList<string> urls, string? script, string? header, int seconds)
    {
        var results = await Task.WhenAll(urls.Select(url => WrkAsync(url, script, header, seconds, 50 / urls.Count)));
        return new WrkResult(results.Sum(result => result.PerSecond), results[0].P50, results[0].P99, results.Sum(result => result.Errors));
    }

    private static async Task<WrkResult> WrkAsync(string url, string? script, string? header, int seconds, int connections)
    {
        List<string> arguments = [$"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{seconds}s", "--latency"];
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }
        if (header is not null)
        {
            arguments.AddRange(["-H", header]);
        }
        arguments.Add(url);
        using var wrk = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        string Field(Regex pattern) => pattern.Match(output) is { Success: true } match ? match.Groups[1].Value : "?";
        var errors = Field(NotOk());
        return new WrkResult(double.Parse(Field(PerSecond()), CultureInfo.InvariantCulture), Field(P50()), Field(P99()),
            errors == "?" ? 0 : long.Parse(errors, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex PerSecond();

    [GeneratedRegex(@"\s50%\s+(\S+)")]
    private static partial Regex P50();

    [GeneratedRegex(@"\s99%\s+(\S+)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NotOk();
}
