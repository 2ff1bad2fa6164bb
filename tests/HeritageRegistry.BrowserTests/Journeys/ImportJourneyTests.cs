using System.Text;
using HeritageRegistry.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>What a curator does with a partner's spreadsheet: dry-run it, see the bad row, upload the corrected file, import it, then undo the import.</summary>
public sealed class ImportJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Header = "place,kind,title,event_date,severity,verification,sources";

    [BrowserFact]
    public async Task A_curator_dry_runs_a_spreadsheet_corrects_it_imports_it_and_undoes_the_import()
    {
        var page = await host.SignedInCuratorAsync("journey-importer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import places or reports from a spreadsheet" }).ClickAsync();

        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(Csv("assessments.csv",
            "temple-of-bel,damage,Journey cella survey,2016-04,destroyed,verified-field,S01",
            "temple-of-bel,damage,Journey portico survey,last spring,destroyed,verified-field,S01"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        var problem = page.Locator("table.import-problems tbody tr");
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(problem.Locator("td").Nth(1)).ToHaveTextAsync("event_date");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 2 reports" })).ToHaveCountAsync(0);
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(Csv("assessments.csv",
            "temple-of-bel,damage,Journey cella survey,2016-04,destroyed,verified-field,S01",
            "temple-of-bel,damage,Journey portico survey,2016-05,destroyed,verified-field,S01"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.import-problems")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 reports" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2 reports as drafts.");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("assessments.csv");
        await Assertions.Expect(page.Locator("table.import-records tbody tr")).ToHaveCountAsync(2);
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo this import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Undone");
        await Assertions.Expect(page.Locator("table.import-records tbody tr td:last-child")).ToHaveTextAsync(["deleted", "deleted"]);
    }

    private static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n"),
    };
}
