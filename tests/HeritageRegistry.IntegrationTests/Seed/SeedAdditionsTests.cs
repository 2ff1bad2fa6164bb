using AngleSharp.Dom;
using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>
/// The events, disagreements and places that issue 11 adds to the Palmyra record are on the public record,
/// each with the sources that show it.
/// </summary>
public sealed class SeedAdditionsTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    // One representative fact of each event group: the report, a phrase of its account, and the sources it cites.
    [Theory]
    [InlineData("PAL-2024-0050", "heavy machinery and metal detectors", "S105", "S106", "S107", "S108", "S109")]
    [InlineData("PAL-2025-0050", "deplorable state", "S109")]
    [InlineData("PAL-2016-0050", "inside the Northern Necropolis", "S110", "S111")]
    [InlineData("PAL-2013-0050", "mortar", "S90")]
    [InlineData("PAL-2013-0051", "positioned itself in the museum", "S90")]
    [InlineData("PAL-2016-0051", "Mechtild Rössler", "S79", "S92")]
    [InlineData("PAL-2019-0050", "43 COM 7A.36", "S93")]
    [InlineData("PAL-2023-0050", "45 COM 7A.45", "S94")]
    [InlineData("PAL-2024-0051", "46 COM 7A.32", "S95")]
    [InlineData("PAL-2017-0051", "no new damage", "S96")]
    [InlineData("PAL-2016-0052", "south-western edge of the town, where the ancient ruins are", "S97", "S99", "S35")]
    [InlineData("PAL-2015-0050", "more than 400 statues", "S112")]
    [InlineData("PAL-2015-0051", "Manbij", "S113", "S114")]
    [InlineData("PAL-2017-0055", "Rome", "S115", "S116")]
    [InlineData("PAL-2018-0050", "National Museum of Damascus", "S117")]
    [InlineData("PAL-2016-0053", "25 March 2016", "S119")]
    [InlineData("PAL-2021-0050", "DNA", "S120")]
    [InlineData("PAL-2017-0056", "Roman Theatre", "S121", "S122")]
    [InlineData("PAL-2023-0051", "mid-September", "S123")]
    public async Task Each_added_event_is_published_with_its_account_and_sources(string reference, string phrase, params string[] sources)
    {
        var report = await _client.GetPageAsync($"/reports/{reference}");

        Assert.Contains(phrase, report.Text(), StringComparison.Ordinal);
        Assert.Equal(sources.Order(), CitedSources(report.QuerySelector("section[aria-labelledby='sources-heading']")!).Order());
    }

    [Theory]
    [InlineData("temple-of-nabu")]
    [InlineData("agora")]
    [InlineData("camp-of-diocletian")]
    [InlineData("hypogeum-of-the-three-brothers")]
    public async Task An_inspection_that_found_no_new_damage_is_an_assessment_of_the_place(string slug)
    {
        var page = await _client.GetPageAsync($"/sites/{slug}");

        var entry = page.QuerySelectorAll(".timeline-entry:not(.within)")
            .Single(e => e.QuerySelector("h3 a")!.TextContent.StartsWith("No new damage found", StringComparison.Ordinal));
        Assert.Equal("2017-03-03", entry.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("Verified in the field", entry.TextContent, StringComparison.Ordinal);
        if (slug != "camp-of-diocletian") // the Camp has places within it, so its condition sums theirs
        {
            Assert.Contains("No visible damage", page.QuerySelector(".record-header .condition")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_new_damage_at_the_temple_of_bel_does_not_erase_the_damage_of_2015()
    {
        var report = await _client.GetPageAsync("/reports/PAL-2017-0050");

        Assert.Equal("Severely damaged", report.QuerySelector(".record-facts .badge")!.TextContent.Trim());
    }

    // Each disagreement: where it shows, its topic, and a phrase of each version with the sources of that version.
    private static readonly (string Url, string Topic, string First, string[] FirstSources, string Second, string[] SecondSources)[] AddedDisagreements =
    [
        ("/reports/PAL-2015-0011", "When the temple was blown up", "Sunday 23 August 2015", ["S14", "S100", "S101"], "About a month earlier", ["S100", "S101"]),
        ("/reports/PAL-2016-0008", "How many columns were left standing", "Two of the sixteen", ["S103", "S39"], "Four of the sixteen", ["S102", "S96"]),
        ("/reports/PAL-2016-0006", "How many fighters IS attacked with", "More than 4,000", ["S97"], "More than 5,000", ["S98"]),
        ("/reports/PAL-2020-0001", "When the restoration memorandum was signed", "12 November 2020", ["S59", "S60"], "13 November 2020", ["S84"]),
        ("/sites/hypogeum-of-the-three-brothers", "When the tomb was built", "In 160 AD", ["S58", "S71"], "Around 140 AD", ["S104"]),
    ];

    public static TheoryData<string, string, string, string[], string, string[]> Disagreements
    {
        get
        {
            var data = new TheoryData<string, string, string, string[], string, string[]>();
            foreach (var d in AddedDisagreements)
            {
                data.Add(d.Url, d.Topic, d.First, d.FirstSources, d.Second, d.SecondSources);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Disagreements))]
    public Task Each_added_disagreement_shows_both_versions_with_their_own_sources(
        string url, string topic, string first, string[] firstSources, string second, string[] secondSources) =>
        AssertDisagreementAsync(_client, url, topic, first, firstSources, second, secondSources);

    private static async Task AssertDisagreementAsync(
        HttpClient client, string url, string topic, string first, string[] firstSources, string second, string[] secondSources)
    {
        var page = await client.GetPageAsync(url);

        var disagreement = page.QuerySelectorAll(".disagreement")
            .Single(d => d.QuerySelector(".disagreement-topic")!.TextContent.Contains(topic, StringComparison.Ordinal));
        var versions = disagreement.QuerySelectorAll(".disagreement-versions li").ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(firstSources.Order(), CitedSources(versions.Single(v => v.TextContent.Contains(first, StringComparison.Ordinal))).Order());
        Assert.Equal(secondSources.Order(), CitedSources(versions.Single(v => v.TextContent.Contains(second, StringComparison.Ordinal))).Order());
    }

    [Fact]
    public async Task A_database_seeded_before_issue_11_shows_the_added_disagreements_once_brought_up_to_date()
    {
        using var upgraded = new RegistryFactory(await OlderSeed.CreateDataFolderAsync(), ownsFolder: true);
        using var client = upgraded.CreateClient();

        foreach (var (url, topic, first, firstSources, second, secondSources) in AddedDisagreements)
        {
            await AssertDisagreementAsync(client, url, topic, first, firstSources, second, secondSources);
        }
    }

    [Theory]
    [InlineData("northern-necropolis", "palmyra", "S111")]
    [InlineData("western-necropolis", "palmyra", "S30")]
    [InlineData("city-walls", "palmyra", "S09")]
    [InlineData("tower-tomb-87", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-91", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-95", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-96", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-98", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-100", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-102", "valley-of-the-tombs", "S29")]
    [InlineData("tower-tomb-103", "valley-of-the-tombs", "S29")]
    [InlineData("efqa-spring", "palmyra", "S125")]
    [InlineData("beauty-of-palmyra", "palmyra-museum", "S117")]
    [InlineData("athena-statue", "palmyra-museum", "S118")]
    public async Task Each_added_place_stands_within_its_parent_with_its_sources(string slug, string parent, string source)
    {
        var place = await _client.GetPageAsync($"/sites/{slug}");
        var parentPage = await _client.GetPageAsync($"/sites/{parent}");

        var crumbs = place.QuerySelectorAll(".breadcrumb a");
        Assert.Equal($"/sites/{parent}", crumbs[^1].GetAttribute("href"));
        Assert.Contains(source, CitedSources(place.QuerySelector(".record-facts")!));
        Assert.Contains($"/sites/{slug}", parentPage.QuerySelectorAll(".child-sites a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_bilal_mosque_of_modern_tadmor_stands_outside_the_ancient_site_with_its_damage()
    {
        var mosque = await _client.GetPageAsync("/sites/bilal-mosque");

        Assert.Equal(["/sites"], mosque.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/reports/PAL-2015-0062", mosque.QuerySelectorAll(".timeline-entry h3 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Efqa_spring_carries_its_sourced_arabic_name_and_place()
    {
        var spring = await _client.GetPageAsync("/sites/efqa-spring");

        Assert.Equal("إفقا", spring.QuerySelector(".name-ar")!.TextContent.Trim());
        Assert.Contains("34.5486° N, 38.2593° E", spring.QuerySelector(".record-facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_city_wall_breach_of_2013_is_on_the_walls_own_timeline()
    {
        var walls = await _client.GetPageAsync("/sites/city-walls");

        var entry = walls.QuerySelectorAll(".timeline-entry:not(.within)").Single();
        Assert.Equal("/reports/PAL-2013-0053", entry.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal(["S09"], CitedSources(entry));
    }

    [Fact]
    public async Task The_added_necropoleis_and_tower_tombs_are_sensitive_and_the_other_added_places_are_not()
    {
        (await _client.GetAsync("/")).EnsureSuccessStatusCode();
        await using var connection = await registry.Factory.OpenDatabaseAsync();

        var sensitive = (await connection.QueryAsync<string>("SELECT slug FROM site WHERE is_sensitive = 1"))
            .Where(AddedPlaces.Contains).Order();

        Assert.Equal(
            ["northern-necropolis", "tower-tomb-100", "tower-tomb-102", "tower-tomb-103", "tower-tomb-87", "tower-tomb-91",
             "tower-tomb-95", "tower-tomb-96", "tower-tomb-98", "western-necropolis"],
            sensitive, StringComparer.Ordinal);
    }

    private static readonly string[] AddedPlaces =
    [
        "northern-necropolis", "city-walls", "western-necropolis", "tower-tomb-87", "tower-tomb-91", "tower-tomb-95",
        "tower-tomb-96", "tower-tomb-98", "tower-tomb-100", "tower-tomb-102", "tower-tomb-103", "efqa-spring",
        "athena-statue", "beauty-of-palmyra", "bilal-mosque",
    ];

    private static List<string> CitedSources(IElement element) =>
        [.. element.QuerySelectorAll("a[href^='/sources/S']").Select(a => a.GetAttribute("href")!["/sources/".Length..])];
}
