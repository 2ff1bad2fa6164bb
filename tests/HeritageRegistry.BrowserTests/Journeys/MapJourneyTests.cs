using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using HeritageRegistry.Seed;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>
/// The map drawn by Leaflet from the GeoJSON feed. Tiles point at a loopback port nothing listens on
/// (RegistryFactory), so these runs also prove the map works, and says so, when the tile server cannot be reached.
/// </summary>
public sealed class MapJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_visitor_sees_every_place_with_coordinates_or_a_located_parent_as_a_coloured_marker_and_follows_a_popup_to_its_page()
    {
        var page = await host.NewPageAsync();
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                policyViolations.Add(message.Text);
            }
        };

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Map" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Map of places" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("path.map-place")).ToHaveCountAsync(SeedPlaces.OnTheMap);
        await Assertions.Expect(page.Locator(".map-status")).ToHaveTextAsync(
            $"{SeedPlaces.OnTheMap} places on the map, {SeedPlaces.OnTheMap - SeedPlaces.WithCoordinates} of them approximately, where the place they belong to is.");
        await Assertions.Expect(page.Locator(".map-note")).ToContainTextAsync("The background map could not be loaded");

        // Colours are the site's severity scale: Baalshamin destroyed, the theatre severely damaged, and Bel,
        // a place made of places, its worst part's (the destroyed cella).
        await Assertions.Expect(page.Locator("path.map-place-temple-of-baalshamin")).ToHaveAttributeAsync("fill", "#5c0a0a");
        await Assertions.Expect(page.Locator("path.map-place-roman-theatre")).ToHaveAttributeAsync("fill", "#a3231a");
        await Assertions.Expect(page.Locator("path.map-place-temple-of-bel")).ToHaveAttributeAsync("fill", "#5c0a0a");
        await Screenshot(page, "map-1-markers");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.Locator("path.map-place-temple-of-bel").DispatchEventAsync("click");
        var popup = page.Locator(".leaflet-popup-content");
        await Assertions.Expect(popup).ToContainTextAsync("Condition: Places within it: 1 destroyed");
        await Screenshot(page, "map-2-popup");
        await popup.GetByRole(AriaRole.Link, new() { Name = "Temple of Bel" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sites/temple-of-bel$"));
        Assert.Empty(policyViolations);
    }

    [BrowserFact]
    public async Task Without_javascript_the_map_page_is_a_list_of_every_place()
    {
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/map");

        await Assertions.Expect(page.Locator("#map")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("table.map-places tbody tr")).ToHaveCountAsync(SeedFiles.Embedded().Sites.Count);
        await page.GetByRole(AriaRole.Link, new() { Name = "Temple of Nabu" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sites/temple-of-nabu$"));
        await context.CloseAsync();
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
