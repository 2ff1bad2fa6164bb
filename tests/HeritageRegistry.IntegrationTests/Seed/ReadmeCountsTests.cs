using System.Text.RegularExpressions;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Seed;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>The README's quick start says what `make run` loads; it must stay the seed's truth.</summary>
public sealed partial class ReadmeCountsTests
{
    [Fact]
    public void The_readme_states_the_seeds_numbers_of_places_reports_sources_and_disagreements()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var stated = Counts().Match(readme);

        Assert.True(stated.Success, "the README states the Palmyra record's counts");
        Assert.Equal(SeedCounts.Places, int.Parse(stated.Groups["places"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SeedCounts.Reports, int.Parse(stated.Groups["reports"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SeedCounts.Sources, int.Parse(stated.Groups["sources"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SeedFiles.Embedded().Disagreements.Count, int.Parse(stated.Groups["disagreements"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "HeritageRegistry.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The test runs outside the repository.");
    }

    [GeneratedRegex(@"Palmyra record \((?<places>\d+) places, (?<reports>\d+) reports, (?<sources>\d+) sources, (?<disagreements>\d+) disagreements")]
    private static partial Regex Counts();
}
