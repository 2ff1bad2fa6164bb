using HeritageRegistry.Accounts;
using System.Net;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Photos;

/// <summary>A photo's own claims (when, where, by whom) rest on sources like any other claim.</summary>
public sealed class PhotoCitationTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Fact]
    public async Task A_curator_cites_a_source_for_a_photo_and_the_photo_page_shows_it()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory, Roles.Editor);
        var (_, uploaded) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 33))]);
        var edit = uploaded.QuerySelector(".upload-results a[href^='/curate/photos/edit/']")!.GetAttribute("href")!;
        var photoPage = uploaded.QuerySelector(".upload-results a[href^='/photos/']")!.GetAttribute("href")!;
        Assert.Null((await registry.CreateClient().GetPageAsync(photoPage)).QuerySelector("#photo-sources-heading"));

        var (response, _) = await curator.SubmitAsync(edit, "button.add-citation",
            new() { ["Citation.SourceId"] = "S01", ["Citation.Locator"] = "third photograph", ["Citation.Quote"] = "taken on Sunday" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await registry.CreateClient().GetPageAsync(photoPage);
        var sources = page.QuerySelector("section[aria-labelledby=photo-sources-heading]")!;
        Assert.Equal("/sources/S01", sources.QuerySelector(".citations a")!.GetAttribute("href"));
        Assert.Contains("third photograph", sources.TextContent);
        Assert.Contains("taken on Sunday", sources.TextContent);
        var source = await registry.CreateClient().GetPageAsync("/sources/S01");
        Assert.Contains(source.QuerySelectorAll("a"), a => a.GetAttribute("href") == photoPage);
    }
}
