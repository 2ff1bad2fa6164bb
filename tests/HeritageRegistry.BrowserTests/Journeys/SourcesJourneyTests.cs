using HeritageRegistry.Accounts;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>What a curator does with sources: import a bibliography, and record where sources disagree.</summary>
public sealed class SourcesJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_curator_previews_a_broken_import_corrects_it_and_imports_the_sources()
    {
        var page = await host.SignedInCuratorAsync("import-curator", Roles.Editor);
        await page.GotoAsync("/curate/sources");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from BibTeX, RIS or CSL-JSON" }).ClickAsync();
        const string entries = """
            @online{a, title = {Satellite view of the Baalshamin site}, date = {2015-08-27}, url = {https://example.org/journey/a}}
            @online{b, title = {Damage to the Arch}, date = {October 2015}, url = {https://example.org/journey/b}}
            """;

        await page.GetByLabel("Paste the entries").FillAsync(entries);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-problem")).ToContainTextAsync("'October 2015' is not a date");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 2 sources" })).ToHaveCountAsync(0);
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByLabel("Paste the entries").FillAsync(entries.Replace("October 2015", "2015-10", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.GetByLabel("Publish the new sources at once").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 sources" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2 sources as published records.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Damage to the Arch" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Published (EDTF)")).ToHaveValueAsync("2015-10");
    }

    [BrowserFact]
    public async Task A_curator_records_a_disagreement_and_visitors_see_both_versions()
    {
        var page = await host.SignedInCuratorAsync("disagreement-curator");
        await page.GotoAsync("/sites/temple-of-baalshamin");
        await page.Locator(".curator-bar").GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a disagreement" }).ClickAsync();

        await page.GetByLabel("What the sources disagree about").FillAsync("When the temple was dedicated");
        await page.Locator("fieldset").Nth(0).GetByLabel("Statement").FillAsync("In 131 AD, by the dedication inscription.");
        await page.Locator("fieldset").Nth(0).GetByLabel("Sources").FillAsync("S13 inscription");
        await page.Locator("fieldset").Nth(1).GetByLabel("Statement").FillAsync("In 130 AD, during Hadrian's visit.");
        await page.Locator("fieldset").Nth(1).GetByLabel("Sources").FillAsync("S49");
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record disagreement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Disagreement recorded");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/sites/temple-of-baalshamin");
        var disagreement = visitor.Locator(".disagreement", new() { HasText = "When the temple was dedicated" });
        await Assertions.Expect(disagreement.Locator(".disagreement-versions li")).ToHaveCountAsync(2);
        await Assertions.Expect(disagreement.GetByRole(AriaRole.Link, new() { Name = "S49" })).ToBeVisibleAsync();
    }
}
