using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>Every public page renders the real seeded record.</summary>
public sealed class PublicPagesTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task The_home_page_counts_the_record_and_draws_a_timeline_of_reports()
    {
        var page = await _client.GetPageAsync("/");

        var counts = page.QuerySelectorAll(".counts dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal([$"{SeedCounts.Places}", $"{SeedCounts.Reports}", $"{SeedCounts.Sources}"], counts);
        var marks = page.QuerySelectorAll("svg.timeline-svg a.tl-mark");
        Assert.True(marks.Length >= 40, $"expected a mark per report of 2012-2022, found {marks.Length}");
        Assert.Contains(marks, a => a.GetAttribute("href")!.StartsWith("/reports/PAL-2015-", StringComparison.Ordinal));
        Assert.Equal(6, page.QuerySelectorAll(".report-list li").Length);
    }

    [Fact]
    public async Task The_places_page_shows_the_hierarchy_with_condition_badges()
    {
        var page = await _client.GetPageAsync("/sites");

        var rows = page.QuerySelectorAll("table.sites tbody tr").ToList();
        Assert.Equal(SeedCounts.Places, rows.Count);
        var names = rows.Select(r => r.QuerySelector("th a")!.TextContent.Trim()).ToList();
        var bel = names.IndexOf("Temple of Bel");
        Assert.True(bel >= 0, "Temple of Bel is listed");
        // The cella sits directly under its temple, one level deeper.
        Assert.Contains("depth-2", rows[bel + 1].QuerySelector("th")!.ClassName);
        Assert.Contains("Cella", names[bel + 1]);
        Assert.Equal("depth-0", rows[0].QuerySelector("th")!.ClassName);
        Assert.Equal("Destroyed", rows[bel + 1].QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public async Task Filtering_places_by_kind_keeps_only_that_kind()
    {
        var page = await _client.GetPageAsync("/sites?kind=temple");

        var kinds = page.QuerySelectorAll("table.sites tbody td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Temple"], kinds);
        Assert.Equal("temple", page.QuerySelector("select#kind option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_temple_of_bel_page_shows_the_2015_blast_with_its_sources()
    {
        var page = await _client.GetPageAsync("/sites/temple-of-bel");

        Assert.Equal("Temple of Bel", page.QuerySelector("h1")!.TextContent.Trim());
        var arabic = page.QuerySelector(".record-header [lang=ar]")!;
        Assert.Equal("rtl", arabic.GetAttribute("dir"));
        Assert.Equal("معبد بعل", arabic.TextContent.Trim());
        // The temple's own entry; the cella's, on the same day, is marked as within it (ConditionTests).
        var entry = page.QuerySelectorAll(".timeline-entry:not(.within)").Single(e => e.QuerySelector("time")!.GetAttribute("datetime") == "2015-08-30");
        Assert.Contains("30 August 2015", entry.TextContent);
        var sources = entry.QuerySelectorAll(".citations a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/sources/S13", sources);
        Assert.Contains(page.QuerySelectorAll(".child-sites a"), a => a.GetAttribute("href") == "/sites/bel-cella");
        Assert.Contains("34.5469° N, 38.2739° E", page.Text());
    }

    [Fact]
    public async Task The_whole_site_links_to_its_unesco_listing()
    {
        var page = await _client.GetPageAsync("/sites/palmyra");

        Assert.Contains(page.QuerySelectorAll(".record-facts a"), a => a.GetAttribute("href") == "https://whc.unesco.org/en/list/23");
    }

    [Fact]
    public async Task A_report_page_shows_every_field_its_site_and_its_citations()
    {
        var list = await _client.GetPageAsync("/sites/bel-cella");
        var href = list.QuerySelector(".timeline-entry h3 a")!.GetAttribute("href")!;

        var page = await _client.GetPageAsync(href);

        var facts = page.QuerySelector(".record-facts")!.TextContent;
        foreach (var label in new[] { "Severity", "Event date", "Reported", "Cause", "Effect", "Extent", "Certainty", "Verification", "Method", "Assessed by" })
        {
            Assert.Contains(label, facts);
        }
        Assert.Contains("Destroyed", facts);
        Assert.Contains(page.QuerySelectorAll(".breadcrumb a"), a => a.GetAttribute("href") == "/sites/bel-cella");
        Assert.True(page.QuerySelectorAll(".citations li").Length >= 2, "the cella's destruction cites several sources");
    }

    [Fact]
    public async Task Report_references_are_found_whatever_their_case()
    {
        var reports = await _client.GetPageAsync("/reports");
        var reference = reports.QuerySelector("table.reports .ref")!.TextContent.Trim();

        var response = await _client.GetAsync($"/reports/{reference.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task The_sources_page_filters_by_kind_and_year()
    {
        var all = await _client.GetPageAsync("/sources");
        var filtered = await _client.GetPageAsync("/sources?kind=unesco&year=2017");

        Assert.Equal(SeedCounts.Sources, all.QuerySelectorAll(".source-list li").Length);
        var items = filtered.QuerySelectorAll(".source-list li").ToList();
        Assert.All(items, li => Assert.Contains("2017", li.QuerySelector(".muted")!.TextContent));
        var refs = items.Select(li => li.QuerySelector("a")!.GetAttribute("href")).ToList();
        Assert.Contains("/sources/S04", refs);
        Assert.DoesNotContain("/sources/S03", refs);
        Assert.DoesNotContain("/sources/S39", refs);
    }

    [Fact]
    public async Task A_source_page_lists_every_claim_that_cites_it()
    {
        var page = await _client.GetPageAsync("/sources/S13");

        var claims = page.QuerySelectorAll(".claims li a[href^='/reports/']").Select(a => a.TextContent).ToList();
        Assert.True(claims.Count >= 3, $"S13 (AP on the Bel blast) backs several reports, found {claims.Count}");
        Assert.Contains(page.QuerySelectorAll(".claims a"), a => a.GetAttribute("href") == "/sites/bel-cella");
    }

    [Fact]
    public async Task The_methodology_page_defines_every_vocabulary_in_english_and_arabic()
    {
        var page = await _client.GetPageAsync("/methodology");

        foreach (var list in HeritageRegistry.Vocabulary.Vocab.All)
        {
            var rows = page.QuerySelectorAll($"section#{HeritageRegistry.Text.Slug.From(list.Name)} tbody tr");
            Assert.Equal(list.Count, rows.Length);
        }
        Assert.Contains("Severely damaged", page.Text());
        Assert.NotEmpty(page.QuerySelectorAll("td[lang=ar][dir=rtl]"));
    }

    [Fact]
    public async Task Every_page_uses_the_shared_stylesheet_and_it_is_served()
    {
        var page = await _client.GetPageAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var css = await _client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("--sev-destroyed", await css.Content.ReadAsStringAsync());
    }
}
