using HeritageRegistry.Accounts;
using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

public sealed class SiteAndSourceEditingTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string SaveForm = "form.record-form";

    [Theory]
    [InlineData("Input.Latitude", "95", "Latitude runs from -90 to 90 degrees.")]
    [InlineData("Input.Longitude", "-200", "Longitude runs from -180 to 180 degrees.")]
    [InlineData("Input.Slug", "temple-of-bel", "Another place already uses the address name 'temple-of-bel'.")]
    [InlineData("Input.Slug", "Not A Slug!", "Use lower-case letters, digits and single hyphens")]
    [InlineData("Input.Kind", "volcano", "'volcano' is not in the site kind list.")]
    [InlineData("Input.WikidataId", "5747", "A Wikidata id is Q followed by digits")]
    public async Task A_place_with_bad_input_is_refused_at_the_field(string field, string value, string message)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var values = new Dictionary<string, string> { ["Input.NameEn"] = "Funerary temple 173", ["Input.Kind"] = "tomb", ["Input.Latitude"] = "34.55", ["Input.Longitude"] = "38.26" };
        values[field] = value;

        var (response, page) = await curator.SubmitAsync("/curate/sites/edit", SaveForm, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Equal("Funerary temple 173", page.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_place_cannot_be_made_part_of_a_place_within_it()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var bel = await curator.Client.GetPageAsync("/sites/temple-of-bel");
        var editUrl = bel.QuerySelector(".curator-bar a")!.GetAttribute("href")!;

        var (response, page) = await curator.SubmitAsync(editUrl, SaveForm, new() { ["Input.ParentId"] = "bel-cella" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be part of itself or of a place within it", page.Text());
    }

    [Fact]
    public async Task A_new_place_gets_a_slug_from_its_name_and_appears_once_published()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory, Roles.Editor);

        var (_, edit) = await curator.SubmitAsync("/curate/sites/edit", SaveForm,
            new() { ["Input.NameEn"] = "Tower Tomb of Iamliku (annex)", ["Input.Kind"] = "tomb", ["Input.NameAr"] = "برج يمليكو" });
        await curator.SubmitAsync(edit, "form[action*='handler=Publish']", []);

        var page = await registry.CreateClient().GetPageAsync("/sites/tower-tomb-of-iamliku-annex");
        Assert.Equal("برج يمليكو", page.QuerySelector(".record-header [lang=ar]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_curator_links_a_source_to_a_place_with_locator_and_quote()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var site = await curator.Client.GetPageAsync("/sites/roman-theatre");
        var edit = await curator.Client.GetPageAsync(site.QuerySelector(".curator-bar a")!.GetAttribute("href")!);

        var (response, _) = await curator.SubmitAsync(edit, "button.add-citation",
            new() { ["Citation.SourceId"] = "S49", ["Citation.Locator"] = "section 'Architecture'", ["Citation.Quote"] = "Severan" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await registry.CreateClient().GetPageAsync("/sites/roman-theatre");
        var sources = page.QuerySelector(".record-facts .citations")!.TextContent;
        Assert.Contains("section 'Architecture'", sources);
        Assert.Contains("Severan", sources);
    }

    [Fact]
    public async Task A_citations_locator_is_corrected_in_place_and_a_stale_correction_is_a_conflict()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var site = await curator.Client.GetPageAsync("/sites/temple-of-bel");
        var edit = await curator.Client.GetPageAsync(site.QuerySelector(".curator-bar a")!.GetAttribute("href")!);

        var (response, _) = await curator.SubmitAsync(edit, ".citation-edit form", new() { ["locator"] = "fig. 3 (corrected)" });
        var (stale, _) = await curator.SubmitAsync(edit, ".citation-edit form", new() { ["locator"] = "an older correction" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await registry.CreateClient().GetPageAsync("/sites/temple-of-bel");
        Assert.Contains("fig. 3 (corrected)", page.QuerySelector(".record-facts .citations")!.TextContent);
        Assert.DoesNotContain("an older correction", page.Text());
    }

    [Fact]
    public async Task A_curator_edits_a_places_other_names_and_the_history_shows_the_change()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory, Roles.Editor);
        var site = await curator.Client.GetPageAsync("/sites/temple-of-nabu");
        var edit = await curator.Client.GetPageAsync(site.QuerySelector(".curator-bar a")!.GetAttribute("href")!);
        var before = ((AngleSharp.Html.Dom.IHtmlTextAreaElement)edit.QuerySelector("#Input_OtherNames")!).Value;

        var (response, _) = await curator.SubmitAsync(edit, SaveForm, new() { ["Input.OtherNames"] = before + "\nمعبد نبو\n  \nNebo temple" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var names = (await registry.CreateClient().GetPageAsync("/sites/temple-of-nabu")).QuerySelectorAll(".record-facts ul.plain li").Select(li => li.TextContent).ToList();
        Assert.Contains("معبد نبو", names);
        Assert.Contains("Nebo temple", names);
        var history = await curator.Client.GetPageAsync("/curate/history/site/" + response.Headers.Location!.OriginalString.Split('/')[^1]);
        var change = history.QuerySelectorAll(".revision")[0].QuerySelectorAll(".diff tbody tr").Single();
        Assert.Equal("Other names", change.QuerySelector("th")!.TextContent);
        Assert.EndsWith("Nebo temple", change.QuerySelector("ins")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Url", "javascript:alert(1)", "starting with http:// or https://")]
    [InlineData("Input.Url", "ftp://example.org/file", "starting with http:// or https://")]
    [InlineData("Input.PublishedDate", "2016-02-30", "not a day in February 2016")]
    [InlineData("Input.Title", "", "Give the source's title.")]
    public async Task A_source_with_bad_input_is_refused_at_the_field(string field, string value, string message)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var values = new Dictionary<string, string> { ["Input.Title"] = "Satellite update", ["Input.Kind"] = "report", ["Input.Url"] = "https://example.org/a" };
        values[field] = value;

        var (response, page) = await curator.SubmitAsync("/curate/sources/edit", SaveForm, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
    }

    [Fact]
    public async Task A_new_source_continues_the_reference_numbering()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);

        var (response, edit) = await curator.SubmitAsync("/curate/sources/edit", SaveForm,
            new() { ["Input.Title"] = "Field report, spring 2024", ["Input.Kind"] = "report", ["Input.PublishedDate"] = "2024-04~" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"Edit source S{SeedCounts.LastSourceNumber + 1}", edit.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
