using System.ComponentModel.DataAnnotations;

namespace HeritageRegistry.Data;

/// <summary>Where the registry keeps its state. Bound from the "Registry" configuration section
/// (environment: <c>Registry__DataDirectory</c>).</summary>
public sealed class RegistryOptions : IValidatableObject
{
    public const string Section = "Registry";

    /// <summary>Holds the database, the photos and the keys. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where photo files live (Registry__PhotoDirectory): the data folder's photos/ unless set, e.g. to a
    /// folder every web node mounts, so a photo uploaded on one node is served by all of them.</summary>
    public string? PhotoDirectory { get; set; }

    /// <summary>The photo folder as a full path.</summary>
    public string PhotoPath => Path.GetFullPath(PhotoDirectory is { Length: > 0 } folder ? folder : Path.Combine(DataDirectory, "photos"));

    /// <summary>Load the Palmyra record into an empty database at start.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Sign-in attempts one address may make per minute before it is told to wait (429).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How many search and API requests one client may make per minute (429 beyond).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The address the public reaches the site at, e.g. https://palmyra.example.org, used in
    /// citations so they name the permanent address rather than whatever host a request came in on.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Begins every report reference, e.g. PAL in PAL-2015-0016. Capitals, so a reference typed in
    /// any case finds its report.</summary>
    [RegularExpression("^[A-Z][A-Z0-9]{0,15}$",
        ErrorMessage = "Registry:ReferencePrefix must be a capital letter followed by at most 15 capitals or digits, such as PAL.")]
    public string ReferencePrefix { get; set; } = "PAL";

    /// <summary>What GET /health requires of the host (Registry:Health:MinimumFreeBytes).</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>Which database holds the registry (Registry:Database:Provider and :ConnectionString).</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>The SQLite file, when the provider is SQLite.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "registry.db");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Database.Validate();
}

/// <summary>SQLite in the data folder by default; PostgreSQL for several web nodes over one managed database.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    /// <summary><c>sqlite</c> (the default: one file, data/registry.db) or <c>postgresql</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>For PostgreSQL, an Npgsql connection string: Host=…;Database=…;Username=…;Password=…. Unused for SQLite.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (!IsPostgreSql && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Registry:Database:Provider must be {Sqlite} or {PostgreSql}, not '{Provider}'.");
        }
        else if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Registry:Database:ConnectionString must name the PostgreSQL server and database when " +
                "Registry:Database:Provider is postgresql, e.g. Host=db.example.org;Database=registry;Username=registry;Password=….");
        }
        else if (IsPostgreSql && ConnectionStringProblem(ConnectionString!) is { } problem)
        {
            yield return new ValidationResult($"Registry:Database:ConnectionString is not a PostgreSQL connection string: {problem}");
        }
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message; // Npgsql's message names the key, never the password's value
        }
    }
}

/// <summary>Per-client limits on what the public can ask of the server: requests per minute from one
/// address, 0 for no limit. Signed-in curators are not limited. (Registry:RateLimits:SearchPerMinute.)</summary>
public sealed class RateLimitOptions
{
    /// <summary>Searches: the search page and its CSV export.</summary>
    public int SearchPerMinute { get; set; } = 60;

    /// <summary>Requests to the open-data API under /api/v1, its search included.</summary>
    public int ApiPerMinute { get; set; } = 120;
}

public sealed class HealthOptions
{
    /// <summary>Free space the data folder's disk must keep for /health to answer 200; 100 MB by default.</summary>
    public long MinimumFreeBytes { get; set; } = 100L * 1024 * 1024;
}
