using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>The map page as a visitor without JavaScript (or without tiles) gets it: a list of every place.</summary>
public sealed class MapPageTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Without_javascript_the_map_page_lists_every_place_with_its_condition_and_a_link()
    {
        var page = await _client.GetPageAsync("/map");

        var rows = page.QuerySelectorAll("table.map-places tbody tr").ToList();
        Assert.Equal(SeedCounts.Places, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.StartsWith("/sites/", row.QuerySelector("th a")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.NotNull(row.QuerySelector(".badge"));
        });
        var bel = page.QuerySelector("table.map-places th a[href='/sites/temple-of-bel']")!.Closest("tr")!;
        Assert.Equal("1 destroyed", bel.QuerySelector(".badge.sev-destroyed")!.TextContent.Trim());
        Assert.Contains("34.5469° N, 38.2739° E", bel.TextContent, StringComparison.Ordinal);
        var palmyra = page.QuerySelector("table.map-places th a[href='/sites/palmyra']")!.Closest("tr")!;
        Assert.Contains("no coordinates on record", palmyra.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_frame_is_labelled_hidden_until_script_draws_it_and_reads_the_geojson_and_configured_tiles()
    {
        var page = await _client.GetPageAsync("/map");
        var map = page.QuerySelector("#map")!;

        Assert.False(string.IsNullOrWhiteSpace(map.GetAttribute("aria-label")));
        Assert.True(map.HasAttribute("hidden"));
        Assert.Equal("/api/v1/sites.geojson", map.GetAttribute("data-geojson"));
        Assert.Equal("http://127.0.0.1:9/{z}/{x}/{y}.png", map.GetAttribute("data-tile-url"));
        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), "no inline script"));
        Assert.Contains(page.QuerySelectorAll("script"), script => script.GetAttribute("src")!.StartsWith("/lib/leaflet/leaflet.js", StringComparison.Ordinal));
        Assert.Equal("page", page.QuerySelector("nav a[href='/map']")!.GetAttribute("aria-current"));
        Assert.Equal(7, page.QuerySelectorAll(".map-legend .badge").Length);
    }

    [Fact]
    public async Task The_content_security_policy_allows_the_configured_tile_host_on_the_map_page_only()
    {
        var map = (await _client.GetAsync("/map")).Headers.GetValues("Content-Security-Policy").Single();
        var places = (await _client.GetAsync("/sites")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("img-src 'self' data: http://127.0.0.1:9;", map, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", map, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:9", places, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaflet_is_served_from_this_site_and_kept_with_its_licence()
    {
        Assert.Equal("text/javascript", (await _client.GetAsync("/lib/leaflet/leaflet.js")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/css", (await _client.GetAsync("/lib/leaflet/leaflet.css")).Content.Headers.ContentType!.MediaType);
        Assert.Contains("BSD 2-Clause", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "leaflet", "LICENSE")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beside_the_map_the_places_without_coordinates_are_listed_with_their_parent_and_whether_they_are_drawn_approximately()
    {
        var page = await _client.GetPageAsync("/map");
        var beside = page.QuerySelectorAll(".map-unplaced li").ToDictionary(li => li.QuerySelector("a")!.TextContent, li => li.TextContent.Folded());

        Assert.Equal("Cella of the Temple of Bel, within Temple of Bel On the map approximately, where Temple of Bel is.", beside["Cella of the Temple of Bel"]);
        Assert.Equal("Agora, within Palmyra Not on the map.", beside["Agora"]);
        Assert.DoesNotContain("Temple of Bel", beside.Keys);   // it has coordinates of its own
        var cella = page.QuerySelector("table.map-places th a[href='/sites/bel-cella']")!.Closest("tr")!;
        Assert.Contains("on the map approximately, where Temple of Bel is", cella.TextContent.Folded(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_tile_address_the_map_page_names_no_tile_server_and_its_policy_allows_only_this_site()
    {
        await using var factory = new RegistryFactory { MapTileUrl = "" };
        var response = await factory.CreateClient().GetAsync("/map");
        var page = await Html.ParseAsync(response);

        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#map")!.GetAttribute("data-tile-url")));
        Assert.Contains("img-src 'self' data:;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

}

file static class TextFolding
{
    /// <summary>Text with its runs of white space folded to one space, as a reader sees it.</summary>
    public static string Folded(this string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
