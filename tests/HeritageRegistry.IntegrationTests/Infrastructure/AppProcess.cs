using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Runs the built app as its own process, for what only a real start-up shows (exit codes, console, Kestrel's own headers).</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string dataDirectory, TimeSpan timeout, string[]? args = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(dataDirectory, args ?? ["--urls", "http://127.0.0.1:0"], environment))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app was still running after {timeout.TotalSeconds} s; it should have stopped by itself.");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>How the test gives the app its address: the --urls argument or the ASPNETCORE_URLS variable.</summary>
    public enum AddressGiven { UrlsArgument, UrlsVariable }

    /// <summary>Starts the app listening on a free loopback port and returns once it answers there; disposing stops it.</summary>
    public static async Task<Running> StartAsync(string dataDirectory, TimeSpan timeout, AddressGiven given = AddressGiven.UrlsArgument)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var process = Process.Start(given == AddressGiven.UrlsArgument
            ? StartInfo(dataDirectory, ["--urls", address.ToString()], null)
            : StartInfo(dataDirectory, [], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address.ToString() }))!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var running = new Running(process, new HttpClient { BaseAddress = address });
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await running.Client.GetAsync("/");
                return running;
            }
            catch (HttpRequestException) when (!process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (HttpRequestException)
            {
                await running.DisposeAsync();
                throw new InvalidOperationException($"The app did not start answering at {address}: {await error}");
            }
        }
    }

    public sealed class Running(Process process, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HeritageRegistry.Web.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
            Environment = { ["Registry__DataDirectory"] = dataDirectory, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var (key, value) in TestDatabase.Settings(dataDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
