using System.Text.RegularExpressions;
using HeritageRegistry.Accounts;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>Review before publishing: a curator submits a draft, an editor reads what it says in the queue and approves it.</summary>
public sealed partial class ReviewJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_curator_submits_a_draft_an_editor_approves_it_and_the_public_page_shows_it()
    {
        var curator = await host.SignedInCuratorAsync("review-curator");
        await curator.GetByRole(AriaRole.Link, new() { Name = "new report" }).ClickAsync();
        await curator.GetByRole(AriaRole.Combobox, new() { Name = "Place" }).FillAsync("temple-of-bel");
        await curator.GetByLabel("Title", new() { Exact = true }).FillAsync("Cella doorway braced");
        await curator.GetByLabel("Event date (EDTF)").FillAsync("2021-03");
        await curator.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Damage" });
        await curator.GetByLabel("Severity").SelectOptionAsync(new SelectOptionValue { Label = "Moderately damaged" });
        await curator.GetByLabel("Verification").SelectOptionAsync(new SelectOptionValue { Label = "Verified in the field" });
        await curator.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        var reference = ReferencePattern().Match(await curator.Locator("h1").InnerTextAsync()).Value;
        await curator.Locator(".citation-form").GetByRole(AriaRole.Combobox, new() { Name = "Source", Exact = true }).FillAsync("S01");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Add citation" }).ClickAsync();
        await Assertions.Expect(curator.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await curator.GetByLabel("Comment for the editor").FillAsync("From the site engineer's note.");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(curator.Locator(".banner-review")).ToBeVisibleAsync();

        var editor = await host.SignedInCuratorAsync("review-editor", Roles.Editor);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).ClickAsync();
        var item = editor.Locator("li.review-item").Filter(new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync("Cella doorway braced");
        await Assertions.Expect(item).ToContainTextAsync("From the site engineer's note.");
        await Assertions.Expect(item.Locator("table.diff")).ToContainTextAsync("Temple of Bel");
        await editor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "review-1-queue.png"), FullPage = true });
        Assert.Empty(await Axe.ViolationsAsync(editor));
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved and published.");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync($"/reports/{reference}");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Cella doorway braced");
    }

    [GeneratedRegex(@"PAL-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();
}
