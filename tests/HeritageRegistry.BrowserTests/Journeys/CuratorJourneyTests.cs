using HeritageRegistry.Accounts;
using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>What a curator does: record a new report with its source, publish it, correct it, and undo the correction.</summary>
public sealed partial class CuratorJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_curator_creates_cites_publishes_edits_and_restores_a_report()
    {
        var page = await host.SignedInCuratorAsync("journey-curator", Roles.Editor);

        await page.GetByRole(AriaRole.Link, new() { Name = "new report" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Place" }).FillAsync("temple-of-bel");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Portico columns shored up");
        await page.GetByLabel("Event date (EDTF)").FillAsync("2019-05");
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Damage" });
        await page.GetByLabel("Severity").SelectOptionAsync(new SelectOptionValue { Label = "Moderately damaged" });
        await page.GetByLabel("Verification").SelectOptionAsync(new SelectOptionValue { Label = "Verified in the field" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".banner-draft")).ToBeVisibleAsync();
        var reference = ReferencePattern().Match(await page.Locator("h1").InnerTextAsync()).Value;

        await page.Locator(".citation-form").GetByRole(AriaRole.Combobox, new() { Name = "Source", Exact = true }).FillAsync("S05");
        await page.GetByLabel("Where in the source").FillAsync("p. 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add citation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".banner-published")).ToBeVisibleAsync();
        await Screenshot(page, "curator-1-published");
        Assert.Empty(await Axe.ViolationsAsync(page));

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync($"/reports/{reference}");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Portico columns shored up");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Portico columns propped with steel");
        await page.GetByLabel("Edit note").FillAsync("wording from the field team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var latest = page.Locator(".revision").First;
        await Assertions.Expect(latest.Locator("del")).ToHaveTextAsync("Portico columns shored up");
        await Assertions.Expect(latest.Locator("ins")).ToHaveTextAsync("Portico columns propped with steel");
        await Screenshot(page, "curator-2-history");
        Assert.Empty(await Axe.ViolationsAsync(page));

        // The version before the edit is the third entry: the edit, the publish, then it.
        await page.Locator(".revision").Nth(2).GetByRole(AriaRole.Button, new() { Name = "Restore this version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".revision").First.Locator(".action")).ToHaveTextAsync("restore");

        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Portico columns shored up");
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });

    [GeneratedRegex(@"PAL-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();
}
