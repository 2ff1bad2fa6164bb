using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>A researcher searches from any page, narrows the results, opens a place and finds it on the map.</summary>
public sealed class SearchJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_visitor_searches_with_a_diacritic_narrows_by_severity_opens_the_place_and_finds_it_on_the_map()
    {
        var page = await host.NewPageAsync();

        // The header box on any page; the name is typed with a diacritic the record spells without.
        await page.GotoAsync("/sites");
        await page.GetByLabel("Search the registry").FillAsync("Baalšamin");
        await page.GetByLabel("Search the registry").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=Baal%C5%A1amin$"));
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync("7 results");
        await Assertions.Expect(page.Locator(".search-hit mark").First).ToHaveTextAsync("Baalshamin");
        var severity = page.GetByLabel("Severity", new() { Exact = true });
        await Assertions.Expect(severity.Locator("option[value='destroyed']")).ToHaveTextAsync("Destroyed (1)");
        await Assertions.Expect(page.GetByLabel("Record type").Locator("option[value='source']")).ToHaveTextAsync("Source (4)");
        await Screenshot(page, "search-1-results");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await severity.SelectOptionAsync("destroyed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]severity=destroyed(&|$)"));
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync("1 result");
        await Assertions.Expect(page.Locator(".search-hit.type-report")).ToHaveCountAsync(1);
        // Counts follow the filter: only reports are left, so sources are no longer offered.
        await Assertions.Expect(page.GetByLabel("Record type").Locator("option[value='report']")).ToHaveTextAsync("Report (1)");
        await Assertions.Expect(page.GetByLabel("Record type").Locator("option[value='source']")).ToHaveCountAsync(0);
        await Assertions.Expect(severity).ToHaveValueAsync("destroyed");
        await Screenshot(page, "search-2-filtered");
        Assert.Empty(await Axe.ViolationsAsync(page));

        var hit = page.Locator(".search-hit", new() { HasText = "Temple of Baalshamin destroyed" });
        await hit.GetByRole(AriaRole.Link, new() { Name = "Temple of Baalshamin", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sites/temple-of-baalshamin$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Temple of Baalshamin");
        await Screenshot(page, "search-3-place");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Map" }).ClickAsync();
        // The server-rendered list has the place too, for readers without JavaScript or tiles.
        var row = page.Locator("table.map-places tr", new() { Has = page.Locator("a[href='/sites/temple-of-baalshamin']") });
        await Assertions.Expect(row).ToContainTextAsync("Destroyed");
        await Assertions.Expect(row).ToContainTextAsync("34.5534° N");
        var marker = page.Locator("path.map-place-temple-of-baalshamin");
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        await marker.DispatchEventAsync("click");
        var popup = page.Locator(".leaflet-popup-content");
        await Assertions.Expect(popup).ToContainTextAsync("Condition: Destroyed");
        await Assertions.Expect(page.Locator(".leaflet-popup")).ToHaveCSSAsync("opacity", "1");   // faded in, for the screenshot
        await Screenshot(page, "search-4-map");
        await popup.GetByRole(AriaRole.Link, new() { Name = "Temple of Baalshamin" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sites/temple-of-baalshamin$"));
    }

    [BrowserFact]
    public async Task An_arabic_query_marks_the_name_as_written_right_to_left()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Search the registry").FillAsync("الاغورا");
        await page.GetByLabel("Search the registry").PressAsync("Enter");

        var arabic = page.Locator(".search-hit .title-ar").First;
        await Assertions.Expect(arabic).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(arabic.Locator("mark")).ToHaveTextAsync("الآغورا");
        await Screenshot(page, "search-5-arabic");
        Assert.Empty(await Axe.ViolationsAsync(page));
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
