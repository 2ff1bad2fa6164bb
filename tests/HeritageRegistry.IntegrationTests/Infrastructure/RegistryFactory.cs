using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a temporary data folder (its own SQLite file, or its own PostgreSQL database: TestDatabase), seeded with the Palmyra record.
/// Each factory owns its folder and deletes it when disposed unless told to keep it.
/// </summary>
public sealed class RegistryFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolder;

    static RegistryFactory()
    {
        // Each app would watch appsettings.json and wwwroot (asp-append-version) with inotify instances of
        // its own; a full run starts hundreds of apps and reaches the kernel's per-user limit (128 by
        // default), after which apps fail to start. Tests never change the settings file, so no host
        // watches it, and files that are watched are polled instead.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public RegistryFactory() : this(TempFolder.Create(), ownsFolder: true)
    {
    }

    /// <summary>Start on an existing data folder, e.g. to prove a second start changes nothing.</summary>
    public RegistryFactory(string dataDirectory, bool ownsFolder = false)
    {
        DataDirectory = dataDirectory;
        _ownsFolder = ownsFolder;
    }

    public string DataDirectory { get; }

    /// <summary>The data folder whose database the app uses: its own unless the app is a second web node over
    /// another app's PostgreSQL database (TestDatabase names each database after a folder).</summary>
    public string? DatabaseOf { get; init; }

    /// <summary>Registry:PhotoDirectory: the data folder's photos/ unless set, e.g. to a folder two web nodes share.</summary>
    public string? PhotoDirectory { get; init; }

    /// <summary>The suite's provider (TestDatabase) unless a test that compares the two sets "sqlite".</summary>
    public string DatabaseProvider { get; init; } = TestDatabase.Provider;

    public int SignInAttemptsPerMinute { get; init; } = 10_000;

    /// <summary>High, so tests sharing one client address are not throttled; tests of the limits set them low.</summary>
    public int SearchPerMinute { get; init; } = 1_000_000;

    public int ApiPerMinute { get; init; } = 1_000_000;

    /// <summary>Left at the app's default unless a test of the limit sets it.</summary>
    public long? PhotoMaxBytes { get; init; }

    public string? PublicBaseUrl { get; init; }

    /// <summary>Left at the app's default (100 MB) unless a test of /health sets it.</summary>
    public long? HealthMinimumFreeBytes { get; init; }

    /// <summary>Whether the app loads the Palmyra record (Registry:Seed); only tests of a database without it turn it off.</summary>
    public bool Seed { get; init; } = true;

    /// <summary>Left at the app's default (PAL) unless a test of the setting sets it.</summary>
    public string? ReferencePrefix { get; init; }

    /// <summary>Map tiles from a loopback port nothing listens on: no test reaches the internet, and the map must work without tiles.</summary>
    public string MapTileUrl { get; init; } = "http://127.0.0.1:9/{z}/{x}/{y}.png";

    /// <summary>Addresses whose X-Forwarded-* headers the app trusts (Registry:Proxy:KnownProxies).</summary>
    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    /// <summary>Services put in place of the app's, e.g. a clock a test can move or a hasher that counts its calls.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DatabasePath => Path.Combine(DataDirectory, "registry.db");

    /// <summary>A connection to this app's database (SQLite or PostgreSQL), for a test to look at or change its rows.</summary>
    public Task<System.Data.Common.DbConnection> OpenDatabaseAsync() => TestDatabase.OpenAsync(DataDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Registry:DataDirectory", DataDirectory);
        builder.UseSetting("Registry:Database:Provider", DatabaseProvider);
        if (DatabaseProvider == TestDatabase.Provider)
        {
            foreach (var (key, value) in TestDatabase.Settings(DatabaseOf ?? DataDirectory))
            {
                builder.UseSetting(key, value);
            }
        }
        // Every test client shares one address; tests of the limit itself set their own.
        builder.UseSetting("Registry:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Registry:RateLimits:SearchPerMinute", SearchPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Registry:RateLimits:ApiPerMinute", ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (PublicBaseUrl is not null)
        {
            builder.UseSetting("Registry:PublicBaseUrl", PublicBaseUrl);
        }
        if (PhotoDirectory is not null)
        {
            builder.UseSetting("Registry:PhotoDirectory", PhotoDirectory);
        }
        if (!Seed)
        {
            builder.UseSetting("Registry:Seed", "false");
        }
        if (ReferencePrefix is not null)
        {
            builder.UseSetting("Registry:ReferencePrefix", ReferencePrefix);
        }
        builder.UseSetting("Registry:Map:TileUrl", MapTileUrl);
        if (PhotoMaxBytes is { } maxBytes)
        {
            builder.UseSetting("Registry:Photos:MaxBytes", maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (HealthMinimumFreeBytes is { } minimumFree)
        {
            builder.UseSetting("Registry:Health:MinimumFreeBytes", minimumFree.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            builder.UseSetting($"Registry:Proxy:KnownProxies:{i}", KnownProxies[i]);
        }
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
        // wwwroot lives at the repository root; the build copies it beside the test binaries.
        builder.UseWebRoot(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            TempFolder.Delete(DataDirectory);
        }
    }
}
