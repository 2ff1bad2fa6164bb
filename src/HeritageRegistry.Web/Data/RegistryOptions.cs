using System.ComponentModel.DataAnnotations;

namespace HeritageRegistry.Data;

/// <summary>Where the registry keeps its state. Bound from the "Registry" configuration section
/// (environment: <c>Registry__DataDirectory</c>).</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Holds the database and, later, photos. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

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

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "registry.db");
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
