using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>The map of a registry with no background tiles configured, read on a computer that reaches nothing but this site.</summary>
public sealed class MapWithoutTilesTests(MapWithoutTilesTests.UntiledHost host) : IClassFixture<MapWithoutTilesTests.UntiledHost>
{
    /// <summary>The app with an empty tile address: no tiles at all.</summary>
    public sealed class UntiledHost() : BrowserHost(new RegistryFactory { MapTileUrl = "" });

    [BrowserFact]
    public async Task Without_tiles_the_map_says_so_names_every_place_it_can_place_reaches_them_by_keyboard_and_asks_no_other_server()
    {
        var page = await host.NewPageAsync();
        var outside = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == "127.0.0.1")
            {
                await route.ContinueAsync();
                return;
            }
            outside.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var placeable = SeedPlaces.OnTheMap;
        Assert.True(placeable > SeedPlaces.WithCoordinates, "The seed has places shown where their parent is.");

        await page.GotoAsync("/map");

        await Assertions.Expect(page.Locator(".map-note")).ToContainTextAsync("no background map configured");
        await Assertions.Expect(page.Locator("path.map-place")).ToHaveCountAsync(placeable);
        await Assertions.Expect(page.Locator("path.map-place[role=link][aria-label]")).ToHaveCountAsync(placeable);
        await Assertions.Expect(page.Locator(".map-label")).ToHaveCountAsync(placeable);
        // The cella has no coordinates of its own: it is drawn where its temple is, and called approximate.
        await Assertions.Expect(page.Locator("path.map-place-bel-cella")).ToHaveAttributeAsync("aria-label",
            new Regex("^Cella of the Temple of Bel, location approximate \\(where Temple of Bel is\\): Destroyed"));
        await Assertions.Expect(page.Locator("path.map-place-bel-cella")).ToHaveClassAsync(new Regex("map-place-approximate"));
        // Beside the map, the places without coordinates of their own, each with the place it belongs to.
        var beside = page.GetByRole(AriaRole.Region, new() { Name = "Places without coordinates of their own" });
        await Assertions.Expect(beside.Locator("li", new() { HasText = "Cella of the Temple of Bel" })).ToContainTextAsync("within Temple of Bel");
        await Assertions.Expect(beside.Locator("li", new() { HasText = "Cella of the Temple of Bel" })).ToContainTextAsync("approximately, where Temple of Bel is");
        await Assertions.Expect(beside.Locator("li", new() { HasText = "Agora" })).ToContainTextAsync("within Palmyra Not on the map.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "map-without-tiles.png"), FullPage = true });
        Assert.Empty(await Axe.ViolationsAsync(page));

        // Tab from the map's frame reaches a marker; Enter opens its place.
        await page.Locator("#map").FocusAsync();
        string? focused = null;
        for (var press = 0; press < 20 && focused is null; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("document.activeElement.matches('path.map-place') ? document.activeElement.getAttribute('aria-label') : null");
        }
        Assert.NotNull(focused);
        var slug = await page.EvaluateAsync<string>("[...document.activeElement.classList].find((c) => c.startsWith('map-place-') && c !== 'map-place-approximate').slice('map-place-'.length)");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/sites/{slug}$"));

        Assert.Empty(outside);
    }
}
