using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Accessibility;

/// <summary>axe-core (bundled in the package, nothing fetched) finds no WCAG 2.1 A/AA violation on public pages.</summary>
public sealed class AccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [BrowserFact]
    public async Task Every_kind_of_public_page_passes_an_automated_wcag_aa_check()
    {
        var page = await host.NewPageAsync();
        var failures = new List<string>();

        foreach (var url in new[] { "/", "/sites", "/sites/temple-of-bel", "/reports", "/sources", "/sources/S13", "/methodology", "/no-such-page" })
        {
            await page.GotoAsync(url);
            failures.AddRange(await ViolationsAsync(page, url));
        }
        await page.GotoAsync("/reports");
        await page.Locator("table.reports th a").First.ClickAsync();
        failures.AddRange(await ViolationsAsync(page, page.Url));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string url)
    {
        var result = await page.RunAxe(WcagAA);
        return result.Violations.Select(v =>
            $"{url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))}");
    }
}
