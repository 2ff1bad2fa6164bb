using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Infrastructure;

/// <summary>axe-core (bundled in the package, nothing fetched) checking a page against WCAG 2.1 A and AA.</summary>
public static class Axe
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAA);
        return result.Violations.Select(v =>
            $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))}");
    }
}
