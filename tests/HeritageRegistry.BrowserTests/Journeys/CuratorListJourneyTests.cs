using HeritageRegistry.BrowserTests.Infrastructure;
using HeritageRegistry.Data.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>A curator finds work in the lists: a long title stays inside the page, and the filters work as a plain form.</summary>
public sealed class CuratorListJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_long_title_wraps_inside_a_curators_list_at_1280_pixels()
    {
        // A title with a long unbroken run (a pasted address), set through the editor as a save would.
        var editor = host.Factory.Services.GetRequiredService<RecordEditor>();
        await using var database = await host.Factory.OpenDatabaseAsync();
        await using var command = database.CreateCommand();
        command.CommandText = "SELECT id FROM damage_report WHERE reference = 'PAL-2015-0011'";
        var id = (long)(await command.ExecuteScalarAsync())!;
        var report = (await editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;
        var title = "Temple of Baalshamin destroyed, as reported at https://example.org/" + new string('x', 300) + " and in many other places " + string.Concat(Enumerable.Repeat("word ", 60));
        var values = new Dictionary<string, object?>(report.Values) { ["title"] = title };
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(RecordType.Report, id, report.Version, values, null, null, CancellationToken.None)).Status);
        var page = await host.SignedInCuratorAsync("list-curator");

        await page.GotoAsync("/curate/reports");
        await page.GetByLabel("Words").FillAsync("PAL-2015-0011");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/curate/reports\?q=PAL-2015-0011"));
        await Assertions.Expect(page.Locator("table.record-list tbody .record-title a")).ToHaveAttributeAsync("title", title);
        var tableWidth = await page.Locator("table.record-list").EvaluateAsync<double>("t => t.getBoundingClientRect().right");
        var viewport = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        Assert.True(tableWidth <= viewport, $"the table reaches {tableWidth}px in a {viewport}px window");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Assert.Empty(await Axe.ViolationsAsync(page));
    }
}
