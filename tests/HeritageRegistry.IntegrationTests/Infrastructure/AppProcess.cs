using System.Diagnostics;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Runs the built app as its own process, for what only a real start-up shows (exit codes, console).</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string dataDirectory, TimeSpan timeout, string[]? args = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HeritageRegistry.Web.dll"), .. args ?? ["--urls", "http://127.0.0.1:0"]])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
            Environment = { ["Registry__DataDirectory"] = dataDirectory, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
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
}
