using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>
/// The layout under dir="rtl", as Arabic pages set it: the stylesheet is written in logical properties, so the
/// navigation, breadcrumbs and timeline mirror without rules of their own. The direction is set here on an
/// English page, so the stylesheet is tested apart from the translations.
/// </summary>
public sealed class RightToLeftTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task Right_to_left_the_navigation_breadcrumbs_and_timeline_mirror_and_arabic_fonts_come_first()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/sites/bel-cella");
        var leftToRight = await LayoutAsync(page);
        Assert.True(leftToRight.FirstNavItem < leftToRight.SecondNavItem, "Left to right, the first menu item is leftmost.");

        await page.EvaluateAsync("() => { document.documentElement.lang = 'ar'; document.documentElement.dir = 'rtl'; }");
        var rightToLeft = await LayoutAsync(page);

        Assert.True(rightToLeft.FirstNavItem > rightToLeft.SecondNavItem, "Right to left, the first menu item is rightmost.");
        Assert.True(rightToLeft.FirstCrumb > rightToLeft.SecondCrumb, "Right to left, the breadcrumbs run from the right.");
        Assert.Equal(("0px", "3px"), (rightToLeft.TimelineRuleLeft, rightToLeft.TimelineRuleRight));
        // The dot of each entry sits on the rule, half over its edge: from the left edge, then from the right.
        Assert.Equal("-8px", leftToRight.TimelineDotLeft);
        Assert.Equal("-8px", rightToLeft.TimelineDotRight);
        Assert.StartsWith("\"Noto Naskh Arabic\"", rightToLeft.BodyFont, StringComparison.Ordinal);
        Assert.Equal(await page.EvaluateAsync<int>("window.innerWidth"), await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "rtl-place.png"), FullPage = true });
    }

    /// <summary>Where things stand on the page: left edges in pixels, and computed styles.</summary>
    private sealed class Layout
    {
        public double FirstNavItem { get; init; }
        public double SecondNavItem { get; init; }
        public double FirstCrumb { get; init; }
        public double SecondCrumb { get; init; }
        public string TimelineRuleLeft { get; init; } = "";
        public string TimelineRuleRight { get; init; } = "";
        public string TimelineDotLeft { get; init; } = "";
        public string TimelineDotRight { get; init; } = "";
        public string BodyFont { get; init; } = "";
    }

    private static Task<Layout> LayoutAsync(IPage page) => page.EvaluateAsync<Layout>("""
        () => {
          const nav = document.querySelectorAll("nav[aria-label=Main] li");
          const crumbs = document.querySelectorAll(".breadcrumb a");
          const timeline = document.querySelector(".site-timeline");
          const style = getComputedStyle(timeline);
          const dot = getComputedStyle(document.querySelector(".timeline-entry"), "::before");
          return {
            firstNavItem: nav[0].getBoundingClientRect().x, secondNavItem: nav[1].getBoundingClientRect().x,
            firstCrumb: crumbs[0].getBoundingClientRect().x, secondCrumb: crumbs[1].getBoundingClientRect().x,
            timelineRuleLeft: style.borderLeftWidth, timelineRuleRight: style.borderRightWidth,
            timelineDotLeft: dot.left, timelineDotRight: dot.right,
            bodyFont: getComputedStyle(document.body).fontFamily,
          };
        }
        """);
}
