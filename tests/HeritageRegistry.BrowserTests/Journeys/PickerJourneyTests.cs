using System.Text.RegularExpressions;
using HeritageRegistry.BrowserTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>A curator finds a report by typing part of its title, chooses it with the keyboard, and uploads a photo to it.</summary>
public sealed class PickerJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_curator_types_part_of_a_title_chooses_the_report_with_the_keyboard_and_the_uploaded_photo_is_attached_to_it()
    {
        var page = await host.SignedInCuratorAsync("picker-curator");
        var folder = Directory.CreateTempSubdirectory("picker-journey-").FullName;
        var file = Path.Combine(folder, "cella.jpg");
        await File.WriteAllBytesAsync(file, TestImages.Jpeg(800, 600, shade: 70));
        await page.GotoAsync("/curate/photos/upload");
        await page.GetByLabel("Photos (JPEG, PNG or WebP").SetInputFilesAsync(file);

        var report = page.GetByRole(AriaRole.Combobox, new() { Name = "Report (optional)" });
        await report.PressSequentiallyAsync("sanctuary brought");
        var options = page.GetByRole(AriaRole.Listbox);
        await Assertions.Expect(options.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(report).ToHaveAttributeAsync("aria-expanded", "true");
        await report.PressAsync("ArrowDown");
        await Assertions.Expect(report).ToHaveAttributeAsync("aria-activedescendant", new Regex(".+"));
        await Assertions.Expect(options.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("PAL-2015-0015");
        Assert.Empty(await Axe.ViolationsAsync(page)); // the form with its list of options open
        await report.PressAsync("Enter");
        await Assertions.Expect(report).ToHaveValueAsync("PAL-2015-0015 — Columns of the Bel sanctuary brought down in the cella blast");
        await Assertions.Expect(report).ToHaveAttributeAsync("aria-expanded", "false");

        var place = page.GetByRole(AriaRole.Combobox, new() { Name = "Place" });
        await place.PressSequentiallyAsync("temple of b");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "temple-of-bel — Temple of Bel" })).ToBeVisibleAsync();
        await place.PressAsync("Escape");
        await Assertions.Expect(place).ToHaveAttributeAsync("aria-expanded", "false");
        await place.FillAsync("");
        await place.PressSequentiallyAsync("temple-of-bel");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("temple-of-bel — Temple of Bel");
        await place.PressAsync("ArrowDown");
        await place.PressAsync("Enter");
        await Assertions.Expect(place).ToHaveValueAsync("temple-of-bel — Temple of Bel");

        await page.GetByLabel("Licence").SelectOptionAsync(new SelectOptionValue { Label = "CC BY" });
        await page.GetByLabel("Caption (used as").FillAsync("The cella after the blast");
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        // The upload goes by XMLHttpRequest and the photo is processed before the answer: allow it time on a busy machine.
        await Assertions.Expect(page.Locator(".upload-results tbody tr")).ToHaveTextAsync(new Regex("Stored"), new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "picker-1-uploaded.png"), FullPage = true });

        await using var database = await host.Factory.OpenDatabaseAsync();
        await using var attached = database.CreateCommand();
        attached.CommandText = "SELECT r.reference FROM photo p JOIN damage_report r ON r.id = p.report_id WHERE p.caption = 'The cella after the blast'";
        Assert.Equal("PAL-2015-0015", await attached.ExecuteScalarAsync());
        Directory.Delete(folder, recursive: true);
    }
}
