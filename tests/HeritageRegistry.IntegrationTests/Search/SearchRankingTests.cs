using System.Globalization;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>Search finds what people look for: the place a query names comes first, Arabic compounds and the
/// article are found however they are written, a misspelling gets a "did you mean", and reports are found
/// under their place's names.</summary>
public sealed class SearchRankingTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Theory]
    [InlineData("palmyra", "/sites/palmyra")]
    [InlineData("Palmyra", "/sites/palmyra")]
    [InlineData("bel", "/sites/temple-of-bel")]
    [InlineData("baalshamin", "/sites/temple-of-baalshamin")]
    [InlineData("Baalshamin", "/sites/temple-of-baalshamin")]
    [InlineData("temple of bel", "/sites/temple-of-bel")]
    [InlineData("تدمر", "/sites/palmyra")]
    [InlineData("معبد بل", "/sites/temple-of-bel")]
    [InlineData("معبد بعل", "/sites/temple-of-bel")]
    public async Task A_query_that_names_a_place_puts_that_place_first(string query, string place)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync($"q={Uri.EscapeDataString(query)}");

        Assert.Equal(place, hits.FirstOrDefault());
    }

    [Fact]
    public async Task A_place_named_by_the_query_comes_before_records_that_only_mention_it_on_every_page_order()
    {
        using var client = registry.CreateClient();

        var relevance = await client.HitsAsync("q=palmyra");
        var newest = await client.HitsAsync("q=palmyra&sort=newest");

        Assert.True(relevance.IndexOf("/sites/palmyra-museum") < relevance.FindIndex(h => !h.StartsWith("/sites/", StringComparison.Ordinal)),
            "places whose name holds the word come before records that mention it");
        Assert.NotEqual("/sites/palmyra", newest[0]); // a date order stays a date order
    }

    [Theory]
    [InlineData("بعلشمين")]
    [InlineData("بعل شمين")]
    [InlineData("معبد بعلشمين")]
    public async Task Arabic_compounds_are_found_written_together_or_apart(string query)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync($"q={Uri.EscapeDataString(query)}");

        Assert.Equal("/sites/temple-of-baalshamin", hits.FirstOrDefault());
    }

    [Theory]
    [InlineData("المعبد")]
    [InlineData("ال معبد")]
    [InlineData("معبد")]
    [InlineData("المسرح")]    // seeded as المسرح
    [InlineData("مسرح")]
    [InlineData("ال مسرح")]
    public async Task The_arabic_article_may_be_joined_written_apart_or_left_out(string query)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync($"q={Uri.EscapeDataString(query)}&type=site");

        Assert.Contains(query.Contains("مسرح", StringComparison.Ordinal) ? "/sites/roman-theatre" : "/sites/temple-of-bel", hits);
    }

    [Theory]
    [InlineData("Balshamin", "Baalshamin", "/sites/temple-of-baalshamin")]
    [InlineData("Palmira", "Palmyra", "/sites/palmyra")]
    [InlineData("temple of balshamin", "temple of Baalshamin", "/sites/temple-of-baalshamin")]
    public async Task A_misspelt_query_suggests_the_registrys_own_name_as_a_link_to_its_search(string query, string suggested, string place)
    {
        using var client = registry.CreateClient();

        var page = await client.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}&type=site");
        var link = page.QuerySelector(".suggestion a");
        var followed = link is null ? [] : await client.HitsAsync(link.GetAttribute("href")!.Split('?')[1]);

        Assert.Empty(page.QuerySelectorAll(".search-hit"));
        Assert.Equal(suggested, link?.TextContent);
        Assert.Equal(place, followed.FirstOrDefault());
        Assert.Contains("type=site", link!.GetAttribute("href"), StringComparison.Ordinal); // the other filters are kept
    }

    [Fact]
    public async Task The_search_api_gives_the_suggestion_when_nothing_matched_and_null_otherwise()
    {
        using var client = registry.CreateClient();

        var misspelt = await client.GetOkJsonAsync("/api/v1/search?q=Palmira");
        var found = await client.GetOkJsonAsync("/api/v1/search?q=Palmyra");

        Assert.Equal("Palmyra", misspelt.GetProperty("suggestion").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, found.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task Reports_are_found_under_their_places_names_which_their_own_text_does_not_hold()
    {
        using var client = registry.CreateClient();
        var reports = await registry.Factory.PathsAsync("""
            SELECT '/reports/' || r.reference FROM damage_report r JOIN site s ON s.id = r.site_id
            WHERE s.slug = 'temple-of-bel' AND r.publication = 'published' AND r.deleted_at IS NULL
            """);

        // The reports are written in English; معبد بل is one of the temple's names.
        var hits = await client.HitsAsync($"q={Uri.EscapeDataString("معبد بل")}&type=report");

        Assert.NotEmpty(reports);
        Assert.All(reports, report => Assert.Contains(report, hits));
    }

    [Fact]
    public async Task A_reports_own_title_outweighs_its_places_names()
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync("q=baalshamin&type=report");
        var titled = await registry.Factory.PathsAsync("""
            SELECT '/reports/' || r.reference FROM damage_report r
            WHERE lower(r.title) LIKE '%baalshamin%' AND r.publication = 'published' AND r.deleted_at IS NULL
            """);

        Assert.NotEmpty(titled);
        Assert.Contains(hits[0], titled);
    }
}

/// <summary>Names reach the ranking, the suggestions and the reports' index rows as places change; drafts never do.</summary>
public sealed class SearchNameChangeTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RecordEditor Editor => _factory.Services.GetRequiredService<RecordEditor>();

    [Fact]
    public async Task A_draft_places_name_is_never_suggested_until_it_is_published()
    {
        using var client = _factory.CreateClient();
        var created = await Editor.CreateAsync(RecordType.Site, new Dictionary<string, object?>
        {
            ["slug"] = "qasr-glorbishani", ["kind"] = "other", ["name_en"] = "Qasr Glorbishani", ["other_names"] = "Glorbishani Fort",
            ["is_sensitive"] = 0L,
        }, null, null, CancellationToken.None);

        var asDraft = await client.GetOkJsonAsync("/api/v1/search?q=Glorbishany");
        await Editor.SetPublishedAsync(RecordType.Site, created.Id, 1, true, null, CancellationToken.None);
        var published = await client.GetOkJsonAsync("/api/v1/search?q=Glorbishany");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, asDraft.GetProperty("suggestion").ValueKind);
        Assert.Equal("Glorbishani", published.GetProperty("suggestion").GetString());
    }

    [Fact]
    public async Task A_renamed_places_reports_are_found_under_its_new_name()
    {
        using var client = _factory.CreateClient();
        var reports = await _factory.PathsAsync("""
            SELECT '/reports/' || r.reference FROM damage_report r JOIN site s ON s.id = r.site_id
            WHERE s.slug = 'temple-of-baalshamin' AND r.publication = 'published' AND r.deleted_at IS NULL
            """);
        var id = long.Parse((await _factory.PathsAsync("SELECT CAST(id AS TEXT) FROM site WHERE slug = 'temple-of-baalshamin'")).Single(), CultureInfo.InvariantCulture);
        var record = (await Editor.GetAsync(RecordType.Site, id, CancellationToken.None))!;

        var before = await client.HitsAsync("q=glorbishamin&type=report");
        await Editor.UpdateAsync(RecordType.Site, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["name_en"] = "Temple of Glorbishamin" }, null, null, CancellationToken.None);
        var after = await client.HitsAsync("q=glorbishamin");

        Assert.NotEmpty(reports);
        Assert.Empty(before);
        Assert.Equal("/sites/temple-of-baalshamin", after.FirstOrDefault());
        Assert.All(reports, report => Assert.Contains(report, after));
    }

    [Fact]
    public async Task A_word_taken_out_of_a_record_no_longer_finds_it_and_its_new_word_does()
    {
        using var client = _factory.CreateClient();
        var id = long.Parse((await _factory.PathsAsync("SELECT CAST(id AS TEXT) FROM damage_report WHERE reference = 'PAL-2015-0010'")).Single(), CultureInfo.InvariantCulture);
        var record = (await Editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;
        await Editor.UpdateAsync(RecordType.Report, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["title"] = "Zorblat destruction" }, null, null, CancellationToken.None);
        var withWord = await client.HitsAsync("q=zorblat");
        record = (await Editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;

        await Editor.UpdateAsync(RecordType.Report, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["title"] = "Quibbon destruction" }, null, null, CancellationToken.None);

        Assert.Equal(["/reports/PAL-2015-0010"], withWord);
        Assert.Empty(await client.HitsAsync("q=zorblat"));
        Assert.Empty(await client.HitsAsync("q=zorb"));
        Assert.Equal(["/reports/PAL-2015-0010"], await client.HitsAsync("q=quibbon"));
    }
}
