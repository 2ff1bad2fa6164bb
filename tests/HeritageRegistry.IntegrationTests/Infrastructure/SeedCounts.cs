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
}
