using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>What a member of the public does: read the record from the home page down to a source.</summary>
public sealed partial class VisitorJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_visitor_goes_from_the_home_page_to_a_site_a_report_and_a_source()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Damage to the heritage of Palmyra");
        await Assertions.Expect(page.Locator("svg.timeline-svg a.tl-mark").First).ToBeVisibleAsync();
        await Screenshot(page, "1-home");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Places" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Temple of Bel", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sites/temple-of-bel$"));
        await Assertions.Expect(page.Locator(".record-header [lang=ar]")).ToHaveAttributeAsync("dir", "rtl");
        await Screenshot(page, "2-site");

        // The temple's own report of that day, not the cella's (shown too, marked as at the cella).
        var entry = page.Locator(".timeline-entry:not(.within)", new() { Has = page.Locator("time[datetime='2015-08-30']") });
        await entry.Locator("h3 a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ReportAddress());
        await Assertions.Expect(page.Locator(".record-facts")).ToContainTextAsync("Severity");
        await Screenshot(page, "3-report");

        var source = page.Locator(".citations a").First;
        var title = await source.InnerTextAsync();
        await source.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sources/S\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".claims li").First).ToBeVisibleAsync();
        await Screenshot(page, "4-source");
    }

    [BrowserFact]
    public async Task A_keyboard_user_can_skip_straight_to_the_content()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/sites");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task The_site_page_reads_well_on_a_phone()
    {
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sites/temple-of-bel");

        // Nothing wider than the screen: no sideways scrolling for the reader.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await Screenshot(page, "5-site-phone");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone screen");
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });

    [GeneratedRegex("/reports/PAL-2015-\\d{4}$")]
    private static partial Regex ReportAddress();
}
