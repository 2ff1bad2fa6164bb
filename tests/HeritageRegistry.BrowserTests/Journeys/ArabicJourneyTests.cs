using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>A reader in Arabic: the home page, a place, a search in Arabic, and back to English on the same record.</summary>
public sealed class ArabicJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_reader_uses_the_registry_in_arabic_searches_for_tadmor_and_switches_to_english_on_the_same_place()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("الأضرار التي لحقت بتراث تدمر");
        await Screenshot(page, "arabic-1-home");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "القائمة الرئيسية" }).GetByRole(AriaRole.Link, new() { Name = "الأماكن" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ar/sites$"));
        await page.Locator("table.sites a[href='/ar/sites/temple-of-bel']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ar/sites/temple-of-bel$"));
        await Assertions.Expect(page.Locator(".record-header .condition")).ToContainTextAsync("الحالة الراهنة:");
        await Screenshot(page, "arabic-2-place");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByLabel("ابحث في السجلّ").FillAsync("تدمر");
        await page.GetByLabel("ابحث في السجلّ").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ar/search\\?q=%D8%AA%D8%AF%D9%85%D8%B1$"));
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync(new Regex("^(نتيجة واحدة|عدد النتائج: [0-9]+)$"));
        await Assertions.Expect(page.GetByLabel("نوع السجلّ").Locator("option[value='site']")).ToContainTextAsync("موقع");
        await Screenshot(page, "arabic-3-search");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.Locator(".search-hit a[href='/ar/sites/palmyra']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ar/sites/palmyra$"));
        await page.Locator(".language-switch").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sites/palmyra$"));
        Assert.DoesNotContain("/ar/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator(".record-header .condition")).ToContainTextAsync("Current condition:");
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
