using HeritageRegistry.Accounts;
using HeritageRegistry.BrowserTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.Playwright;

namespace HeritageRegistry.BrowserTests.Journeys;

/// <summary>A curator uploads a before and an after photo; a visitor compares them with the slider.</summary>
public sealed class PhotoJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_curator_uploads_two_photos_with_progress_and_a_visitor_compares_them()
    {
        var page = await host.SignedInCuratorAsync("photo-curator", Roles.Editor);
        var folder = Directory.CreateTempSubdirectory("photo-journey-").FullName;
        var before = Path.Combine(folder, "before.jpg");
        var after = Path.Combine(folder, "after.png");
        await File.WriteAllBytesAsync(before, TestImages.Jpeg(1200, 800, shade: 40));
        await File.WriteAllBytesAsync(after, TestImages.Png(shade: 200));

        foreach (var (file, phase) in new[] { (before, "Before"), (after, "After") })
        {
            await page.GotoAsync("/curate/photos/upload");
            await page.GetByLabel("Photos (JPEG, PNG or WebP").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Place" }).FillAsync("temple-of-bel");
            await page.GetByLabel("Phase").SelectOptionAsync(new SelectOptionValue { Label = phase });
            await page.GetByLabel("Licence").SelectOptionAsync(new SelectOptionValue { Label = "CC BY" });
            await page.GetByLabel("Caption (used as").FillAsync($"{phase} view of the sanctuary gate");
            await page.GetByLabel("Publish at once").CheckAsync(); // unticked unless the curator chooses
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            // The answer replaces the form in place (XMLHttpRequest with a progress bar), one line per file.
            await Assertions.Expect(page.Locator(".upload-results tbody tr")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Stored"));
        }
        await Screenshot(page, "photo-1-uploaded");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/sites/temple-of-bel");
        await Assertions.Expect(visitor.Locator(".gallery img")).ToHaveCountAsync(2);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Compare before and after" }).ClickAsync();
        var slider = visitor.GetByRole(AriaRole.Slider);
        await slider.FocusAsync();
        await visitor.Keyboard.PressAsync("Home");
        await Assertions.Expect(visitor.Locator("[data-compare]")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--position: 0%"));
        await visitor.Keyboard.PressAsync("End");
        await Assertions.Expect(visitor.Locator("[data-compare]")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--position: 100%"));
        await Screenshot(visitor, "photo-2-compare");
        Assert.Empty(await Axe.ViolationsAsync(visitor));
        Directory.Delete(folder, recursive: true);
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
