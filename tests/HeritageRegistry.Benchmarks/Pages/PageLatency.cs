using System.Diagnostics;
using System.Globalization;

namespace HeritageRegistry.Benchmarks.Pages;

/// <summary>
/// Public page latency, rendered fresh (cache missed on purpose) and from the output cache, each as a
/// ratio to a static file fetched from the same server in the same run. Sequential requests on
/// loopback; the figures are relative, so a busy machine shifts them less than raw milliseconds.
/// </summary>
public static class PageLatency
{
    private const int Warmup = 20;
    private const int Requests = 300;
    private static readonly string[] Pages = ["/", "/sites", "/sites/temple-of-bel", "/sites/palmyra", "/reports/PAL-2015-0015", "/sources", "/methodology"];

    public static async Task RunAsync()
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "HeritageRegistry.Web.dll");
        var data = Directory.CreateTempSubdirectory("heritage-bench-").FullName;
        var port = Ports.Free();
        using var app = Process.Start(new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            Environment = { ["Registry__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" },
            RedirectStandardOutput = true,
        })!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(client);
            var reference = await MedianAsync(client, _ => "/css/site.css");
            Console.WriteLine($"Page latency. Reference: GET /css/site.css p50 {reference:0.00} ms ({Requests} sequential requests)");
            Console.WriteLine($"{"page",-26} {"fresh p50",12} {"ratio",7} {"cached p50",12} {"ratio",7}");
            foreach (var page in Pages)
            {
                // A new query string per request misses the cache, so the page is rendered from the database.
                var fresh = await MedianAsync(client, i => $"{page}?bench={i}");
                var cached = await MedianAsync(client, _ => page);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{page,-26} {fresh,9:0.00} ms {fresh / reference,6:0.0}x {cached,9:0.00} ms {cached / reference,6:0.0}x"));
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<double> MedianAsync(HttpClient client, Func<int, string> url)
    {
        for (var i = 0; i < Warmup; i++)
        {
            (await client.GetAsync(url(-i - 1))).EnsureSuccessStatusCode();
        }
        var times = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await client.GetAsync(url(i))).EnsureSuccessStatusCode();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[Requests / 2];
    }

    private static async Task WaitUntilUpAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/css/site.css")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not start within 30 s.");
    }
}
