using HeritageRegistry.BrowserTests.Infrastructure;

namespace HeritageRegistry.BrowserTests.Accessibility;

/// <summary>No automated WCAG 2.1 A/AA violation on any kind of public page.</summary>
public sealed class AccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task Every_kind_of_public_page_passes_an_automated_wcag_aa_check()
    {
        var page = await host.NewPageAsync();
        var failures = new List<string>();

        foreach (var url in new[] { "/", "/sites", "/sites/temple-of-bel", "/reports", "/sources", "/sources/S13", "/methodology", "/map", "/no-such-page",
            "/search?q=%D8%A7%D9%84%D8%A7%D8%BA%D9%88%D8%B1%D8%A7", "/search?q=temple&size=5&page=2", "/search?severity=bogus" })
        {
            await page.GotoAsync(url);
            failures.AddRange(await Axe.ViolationsAsync(page));
        }
        await page.GotoAsync("/reports");
        await page.Locator("table.reports th a").First.ClickAsync();
        failures.AddRange(await Axe.ViolationsAsync(page));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
