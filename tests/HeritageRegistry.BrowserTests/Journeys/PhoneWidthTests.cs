using HeritageRegistry.Accounts;
using HeritageRegistry.BrowserTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>Every kind of public page read on a phone 390 pixels wide: nothing scrolls sideways, and search shows results first.</summary>
public sealed class PhoneWidthTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const int PhoneWidth = 390;

    [BrowserFact]
    public async Task No_public_page_is_wider_than_a_phone_390_pixels_wide()
    {
        var photo = await ArrangeBeforeAndAfterPhotosAsync();
        string[] pages =
        [
            "/", "/sites", "/sites/temple-of-bel", "/reports", "/reports/PAL-2015-0010", "/sources", "/sources/S01",
            "/search?q=temple", "/map", "/methodology", photo, "/sites/temple-of-bel/compare", "/status", "/account/login",
        ];
        var page = await PhonePageAsync();
        var tooWide = new List<string>();

        foreach (var address in pages)
        {
            await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > PhoneWidth)
            {
                // Name the widest culprits, so a failure says where to look.
                var culprits = await page.EvaluateAsync<string[]>("""
                    (limit) => [...document.body.querySelectorAll("*")]
                        .filter((e) => e.getBoundingClientRect().right > limit + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > limit + 0.5))
                        .slice(0, 4).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
                    """, PhoneWidth);
                tooWide.Add($"{address} is {width} px wide: {string.Join(", ", culprits)}");
            }
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"phone{address.Replace('/', '-').Replace('?', '-')}.png"), FullPage = true });
        }

        Assert.True(tooWide.Count == 0, string.Join(Environment.NewLine, tooWide));

        // The compare page's two captions, one over the other's photo since the slider joined them, do not overlap.
        await page.GotoAsync("/sites/temple-of-bel/compare");
        var before = await page.Locator(".compare-before figcaption").BoundingBoxAsync();
        var after = await page.Locator(".compare-after figcaption").BoundingBoxAsync();
        Assert.True(before!.X + before.Width <= after!.X || after.Y >= before.Y + before.Height,
            $"The captions overlap: before at {before.X}..{before.X + before.Width}, after at {after.X}..{after.X + after.Width}.");
    }

    [BrowserFact]
    public async Task On_a_phone_search_results_come_first_and_the_filters_open_on_demand()
    {
        var page = await PhonePageAsync();
        await page.GotoAsync("/search?q=temple");

        var severity = page.GetByLabel("Severity", new() { Exact = true });
        await Assertions.Expect(severity).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToBeInViewportAsync();
        await page.Locator(".search-filter-panel > summary").ClickAsync();
        await Assertions.Expect(severity).ToBeVisibleAsync();

        // On a wide screen the same page shows the filters without asking.
        var wide = await host.NewPageAsync();
        await wide.GotoAsync("/search?q=temple");
        await Assertions.Expect(wide.GetByLabel("Severity", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(wide.Locator(".search-filter-panel > summary")).ToBeHiddenAsync();
    }

    private async Task<IPage> PhonePageAsync()
    {
        var context = await host.Browser.NewContextAsync(new()
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new() { Width = PhoneWidth, Height = 844 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A before and an after photo of the Temple of Bel, uploaded through the curators' form; the address of one photo's page.</summary>
    private async Task<string> ArrangeBeforeAndAfterPhotosAsync()
    {
        var curator = await host.SignedInCuratorAsync("phone-curator", Roles.Editor);
        var folder = Directory.CreateTempSubdirectory("phone-width-").FullName;
        foreach (var phase in new[] { "Before", "After" })
        {
            var file = Path.Combine(folder, $"{phase}.jpg");
            await File.WriteAllBytesAsync(file, TestImages.Jpeg(1600, 1000, shade: (byte)(phase == "Before" ? 40 : 200)));
            await curator.GotoAsync("/curate/photos/upload");
            await curator.GetByLabel("Photos (JPEG, PNG or WebP").SetInputFilesAsync(file);
            await curator.GetByRole(AriaRole.Combobox, new() { Name = "Place" }).FillAsync("temple-of-bel");
            await curator.GetByLabel("Phase").SelectOptionAsync(new SelectOptionValue { Label = phase });
            await curator.GetByLabel("Licence").SelectOptionAsync(new SelectOptionValue { Label = "CC BY" });
            await curator.GetByLabel("Caption (used as").FillAsync($"{phase} view of the sanctuary gate from the long colonnaded street, looking east");
            await curator.GetByLabel("Publish at once").CheckAsync();
            await curator.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Assertions.Expect(curator.Locator(".upload-results tbody tr")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Stored"));
        }
        Directory.Delete(folder, recursive: true);
        await curator.Context.CloseAsync();

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/sites/temple-of-bel");
        var photo = await visitor.Locator(".gallery a").First.GetAttributeAsync("href");
        await visitor.Context.CloseAsync();
        return photo!;
    }
}
