using HeritageRegistry.Seed;

namespace HeritageRegistry.BrowserTests.Infrastructure;

/// <summary>What the seed says the map should show, counted from the seed files rather than by the app's own rule.</summary>
public static class SeedPlaces
{
    private static readonly IReadOnlyList<SeedSite> Sites = SeedFiles.Embedded().Sites;

    public static int WithCoordinates { get; } = Sites.Count(site => site.Latitude is not null && site.Longitude is not null);

    /// <summary>Places the map can draw: each has coordinates, or belongs (at any depth) to a place that has.</summary>
    public static int OnTheMap { get; } = Sites.Count(Placeable);

    private static bool Placeable(SeedSite site)
    {
        for (var at = site; at is not null; at = Sites.FirstOrDefault(parent => parent.Slug == at.Parent))
        {
            if (at.Latitude is not null && at.Longitude is not null)
            {
                return true;
            }
        }
        return false;
    }
}
