using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Citations;

/// <summary>Where sources disagree, the page says so and keeps each version with its own sources.</summary>
public sealed class DisagreementTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task The_first_recapture_shows_both_dates_each_with_its_sources()
    {
        var palmyra = await _client.GetPageAsync("/sites/palmyra");
        // Palmyra's own entry: its timeline also shows damage to places within it that begins that day.
        var entry = palmyra.QuerySelectorAll(".timeline-entry:not(.within)").Single(e => e.QuerySelector("time")!.GetAttribute("datetime") == "2016-03-27");
        var report = await _client.GetPageAsync(entry.QuerySelector("h3 a")!.GetAttribute("href")!);

        foreach (var page in new[] { entry, report.Body! })
        {
            var versions = page.QuerySelectorAll(".disagreement-versions li").ToList();
            Assert.Contains("Date of the first recapture", page.QuerySelector(".disagreement-topic")!.TextContent);
            var sunday = versions.Single(v => v.TextContent.Contains("27 March 2016", StringComparison.Ordinal));
            var asor = versions.Single(v => v.TextContent.Contains("24 March 2016", StringComparison.Ordinal));
            Assert.Equal(["/sources/S31", "/sources/S32"], sunday.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            Assert.Equal(["/sources/S28"], asor.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task A_disputed_fact_about_a_place_lists_every_version()
    {
        var page = await _client.GetPageAsync("/sites/tower-of-elahbel");

        var versions = page.QuerySelectorAll(".record-main > .disagreement .disagreement-versions li").Select(li => li.TextContent).ToList();

        Assert.Equal(3, versions.Count);
        Assert.Contains(versions, v => v.Contains("Four storeys", StringComparison.Ordinal) && v.Contains("S48", StringComparison.Ordinal));
        Assert.Contains(versions, v => v.Contains("Five storeys", StringComparison.Ordinal) && v.Contains("S65", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_seeded_conflict_is_on_a_page()
    {
        var lion = await _client.GetPageAsync("/sites/lion-of-allat");
        var museum = await _client.GetPageAsync("/sites/palmyra-museum");

        Assert.Equal(2, lion.QuerySelectorAll(".disagreement").Length);
        Assert.Contains("What damaged the museum", museum.QuerySelector(".disagreement")!.TextContent);
    }
}
