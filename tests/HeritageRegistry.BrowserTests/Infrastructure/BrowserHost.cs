using System.Net;
using System.Net.Sockets;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, and a headless Chromium to visit it.
/// Shared by the tests of a class; each test opens its own page.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly RegistryFactory _factory = new();

    /// <summary>The app behind the browser, for arranging what a test needs (a user account).</summary>
    public RegistryFactory Factory => _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Screenshots land beside the test binaries, in screenshots/.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException($"CI=true but there is no Chromium at {Chromium.Path}: install the Debian package 'chromium'.");
        }
        var port = FreeLoopbackPort();
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            // The machine has no network beyond loopback: stop Chromium reaching for Google services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
