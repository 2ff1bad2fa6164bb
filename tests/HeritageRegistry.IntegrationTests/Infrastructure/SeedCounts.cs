using HeritageRegistry.Seed;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>How many records the seed publishes, read from the seed files themselves, so a test of "every record"
/// follows the record as corrections and additions change it.</summary>
public static class SeedCounts
{
    private static readonly SeedFiles Files = SeedFiles.Embedded();

    public static int Places { get; } = Files.Sites.Count;

    public static int Reports { get; } = Files.Reports.Count;

    public static int Sources { get; } = Files.Sources.Count;

    public static int Records => Places + Reports + Sources;

    /// <summary>Places the seed gives coordinates.</summary>
    public static int PlacesWithCoordinates { get; } = Files.Sites.Count(site => site.Latitude is not null && site.Longitude is not null);

    /// <summary>The number of the highest source reference (S125 is 125); a new source continues from it.</summary>
    public static int LastSourceNumber { get; } = Files.Sources.Max(source => int.Parse(source.Ref[1..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Places within Palmyra at any depth, not counting Palmyra itself.</summary>
    public static int PlacesWithinPalmyra { get; } = Files.Sites.Count(site => RootOf(site.Slug) == "palmyra" && site.Slug != "palmyra");

    private static string RootOf(string slug)
    {
        var parents = Files.Sites.ToDictionary(site => site.Slug, site => site.Parent);
        while (parents[slug] is { } parent)
        {
            slug = parent;
        }
        return slug;
    }
}
