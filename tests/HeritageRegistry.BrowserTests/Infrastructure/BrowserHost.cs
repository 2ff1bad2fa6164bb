using System.Net;
using System.Net.Sockets;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, and a headless Chromium to visit it.
/// Shared by the tests of a class; each test opens its own page. A fixture that needs the app configured
/// otherwise (no map tiles) derives from it with its own factory.
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    private readonly RegistryFactory _factory;

    public BrowserHost() : this(new RegistryFactory())
    {
    }

    protected BrowserHost(RegistryFactory factory) => _factory = factory;

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

    /// <summary>A page signed in as a new curator (or a user of another role: an editor where the journey publishes), through
    /// the real sign-in form, landed on the curators' desk.</summary>
    public async Task<IPage> SignedInCuratorAsync(string login, string role = Roles.Curator)
    {
        const string password = "a long enough passphrase";
        var services = _factory.Services;
        var hash = services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), password);
        await services.GetRequiredService<UserStore>().AddAsync(login, role == Roles.Curator ? "Journey Curator" : $"Journey {role}", role, hash, CancellationToken.None);
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/curate$"));
        return page;
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
