using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>Each filter alone and together finds exactly what the database says it should.</summary>
public sealed class SearchFilterTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string Reports = "SELECT '/reports/' || r.reference FROM damage_report r JOIN site s ON s.id = r.site_id";
    private const string Sites = "SELECT '/sites/' || s.slug FROM site s";

    [Theory]
    [InlineData("type=site", Sites)]
    [InlineData("type=report", Reports)]
    [InlineData("kind=event", $"{Reports} WHERE r.kind = 'event'")]
    [InlineData("sitekind=tomb", $"{Sites} WHERE s.kind = 'tomb' UNION ALL {Reports} WHERE s.kind = 'tomb'")]
    [InlineData("cause=explosion-heavy-weaponry", $"{Reports} WHERE r.cause = 'explosion-heavy-weaponry'")]
    [InlineData("effect=earth-displacement", $"{Reports} WHERE r.effect = 'earth-displacement'")]
    [InlineData("severity=destroyed", $"{Reports} WHERE r.severity = 'destroyed'")]
    [InlineData("certainty=definite", $"{Reports} WHERE r.certainty = 'definite'")]
    [InlineData("verification=verified-field", $"{Reports} WHERE r.verification = 'verified-field'")]
    [InlineData("sourcekind=unesco", "SELECT '/sources/' || reference FROM source WHERE kind = 'unesco'")]
    [InlineData("q=palmyra&type=source&sourcekind=satellite-analysis",
        "SELECT '/sources/' || reference FROM source WHERE kind = 'satellite-analysis' AND (lower(title) LIKE '%palmyra%' OR lower(notes) LIKE '%palmyra%' OR lower(publisher) LIKE '%palmyra%')")]
    [InlineData("severity=destroyed&sitekind=tomb&from=2015-06&to=2015-08",
        $"{Reports} WHERE r.severity = 'destroyed' AND s.kind = 'tomb' AND r.event_latest >= '2015-06-01' AND r.event_earliest <= '2015-08-31'")]
    [InlineData("site=valley-of-the-tombs&cause=explosion-heavy-weaponry&certainty=medium",
        $"{Reports} WHERE r.cause = 'explosion-heavy-weaponry' AND r.certainty = 'medium' AND (s.slug = 'valley-of-the-tombs' OR s.parent_id = (SELECT id FROM site WHERE slug = 'valley-of-the-tombs'))")]
    public async Task A_filter_finds_exactly_the_records_that_have_it(string query, string expectedSql)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync(query);
        var expected = await registry.Factory.PathsAsync(expectedSql);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), hits.Order());
    }

    [Fact]
    public async Task The_site_filter_includes_the_places_within_it_and_their_reports()
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync("site=temple-of-bel");
        var cellaReports = await registry.Factory.PathsAsync($"{Reports} WHERE s.slug = 'bel-cella'");

        Assert.Contains("/sites/temple-of-bel", hits);
        Assert.Contains("/sites/bel-cella", hits);
        Assert.Subset(hits.ToHashSet(), cellaReports.ToHashSet());
        Assert.DoesNotContain("/sites/palmyra", hits);
        Assert.DoesNotContain(hits, hit => hit.StartsWith("/sources/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_whose_interval_partly_overlaps_the_range_is_included_and_one_outside_is_not()
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync("from=2015-08-31&to=2015-09-01");
        var partly = await registry.Factory.PathsAsync($"{Reports} WHERE s.slug = 'tower-of-elahbel'");              // 2015-08-27/2015-09-02
        var justBefore = await registry.Factory.PathsAsync($"{Reports} WHERE s.slug = 'bel-cella'");                  // 2015-08-30
        var justAfter = await registry.Factory.PathsAsync($"{Reports} WHERE s.slug = 'tower-tomb-22'");               // 2015-09-02/2016-03-30

        Assert.Contains(partly.Single(), hits);
        Assert.DoesNotContain(justBefore.Single(), hits);
        Assert.DoesNotContain(justAfter.Single(), hits);
        Assert.All(hits, hit => Assert.StartsWith("/reports/", hit, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_month_range_takes_in_every_day_of_the_month()
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync("from=2015-08&to=2015-08&type=report");
        var expected = await registry.Factory.PathsAsync($"{Reports} WHERE r.event_latest >= '2015-08-01' AND r.event_earliest <= '2015-08-31'");

        Assert.Equal(expected.Order(), hits.Order());
    }

    [Fact]
    public async Task Facet_counts_say_what_each_choice_gives_keeping_the_other_filters()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/search?severity=destroyed&sitekind=tomb");
        var destroyedTombs = await registry.Factory.PathsAsync($"{Reports} WHERE r.severity = 'destroyed' AND s.kind = 'tomb'");
        var severelyDamagedTombs = await registry.Factory.PathsAsync($"{Reports} WHERE r.severity = 'severely-damaged' AND s.kind = 'tomb'");
        var destroyedTemples = await registry.Factory.PathsAsync($"{Reports} WHERE r.severity = 'destroyed' AND s.kind = 'temple'");
        string Option(string select, string value) => document.QuerySelector($"#f-{select} option[value='{value}']")!.TextContent;

        Assert.Equal($"{destroyedTombs.Count} results", document.QuerySelector("#results-heading")!.TextContent);
        Assert.Equal($"Destroyed ({destroyedTombs.Count})", Option("severity", "destroyed"));
        Assert.Equal($"Severely damaged ({severelyDamagedTombs.Count})", Option("severity", "severely-damaged"));
        Assert.Equal($"Temple ({destroyedTemples.Count})", Option("sitekind", "temple"));
        Assert.NotNull(document.QuerySelector("#f-severity option[value='destroyed'][selected]"));
    }

    [Fact]
    public async Task The_place_facet_counts_a_place_with_everything_within_it()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/search?type=site");
        var option = document.QuerySelector("#f-site option[value='valley-of-the-tombs']")!.TextContent.Trim();
        var valley = await registry.Factory.PathsAsync(
            $"{Sites} WHERE s.slug = 'valley-of-the-tombs' OR s.parent_id = (SELECT id FROM site WHERE slug = 'valley-of-the-tombs')");

        Assert.Equal($"Valley of the Tombs ({valley.Count})", option);
    }
}
