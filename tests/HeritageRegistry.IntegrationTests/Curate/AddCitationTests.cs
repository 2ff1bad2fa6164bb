using HeritageRegistry.Accounts;
using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>Citing a source from an edit page, with and without unsaved edits to the record's own fields.</summary>
public sealed class AddCitationTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Adding_a_citation_keeps_the_unsaved_edits_of_the_records_own_fields_and_does_not_save_them()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var site = await curator.Client.GetPageAsync("/sites/roman-theatre");
        var edit = await curator.Client.GetPageAsync(site.QuerySelector(".curator-bar a")!.GetAttribute("href")!);
        var savedSummary = edit.QuerySelector("#Input_Summary")!.GetAttribute("value");

        var (response, page) = await curator.SubmitAsync(edit, "button.add-citation", new()
        {
            ["Input.Summary"] = "A summary typed but not yet saved", ["Input.Description"] = "Two paragraphs\r\n\r\nof unsaved text",
            ["Citation.SourceId"] = "S49", ["Citation.Locator"] = "p. 12",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A summary typed but not yet saved", page.QuerySelector("#Input_Summary")!.GetAttribute("value"));
        Assert.Equal("Two paragraphs\r\n\r\nof unsaved text", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Description")!).Value);
        Assert.Contains("Your changes to the fields above are not saved yet", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("p. 12", page.QuerySelector("ol.citations")!.TextContent);
        Assert.Equal("", ((IHtmlInputElement)page.QuerySelector("#Citation_SourceId")!).Value);
        var saved = await curator.Client.GetPageAsync(site.QuerySelector(".curator-bar a")!.GetAttribute("href")!);
        Assert.Equal(savedSummary, saved.QuerySelector("#Input_Summary")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Adding_a_citation_without_other_edits_returns_to_the_record()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var site = await curator.Client.GetPageAsync("/sites/roman-theatre");
        var edit = await curator.Client.GetPageAsync(site.QuerySelector(".curator-bar a")!.GetAttribute("href")!);

        var (response, page) = await curator.SubmitAsync(edit, "button.add-citation", new() { ["Citation.SourceId"] = "S49", ["Citation.Locator"] = "fig. 3" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Source cited.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("fig. 3", page.QuerySelector("ol.citations")!.TextContent);
    }

    [Fact]
    public async Task An_import_confirmed_with_a_publish_value_that_is_not_yes_or_no_is_refused_and_imports_nothing()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor); // only editors are offered "publish"
        var (_, preview) = await curator.SubmitAsync("/curate/sources/import", "form[action*='handler=Preview']", new()
        {
            ["Input.Text"] = """[{ "title": "Fuzzed import", "type": "report", "issued": { "date-parts": [[2015, 9]] } }]""",
        });
        var sources = (await curator.Client.GetPageAsync("/curate/sources")).Total();

        var (response, page) = await curator.SubmitAsync(preview, "form[action*='handler=Create']", new() { ["Input.Publish"] = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tick the box or leave it empty.", page.QuerySelector("[data-valmsg-for='Input.Publish']")!.TextContent.Trim());
        Assert.Equal(sources, (await curator.Client.GetPageAsync("/curate/sources")).Total());
    }

    [Fact]
    public async Task A_csl_json_date_that_is_not_a_whole_number_is_a_problem_of_its_entry()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, preview) = await curator.SubmitAsync("/curate/sources/import", "form[action*='handler=Preview']", new()
        {
            ["Input.Text"] = """[{ "title": "Half a year", "type": "report", "issued": { "date-parts": [[2015.5]] } }]""",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date-parts that are not [year, month, day] whole numbers", preview.QuerySelector(".import-problem")!.TextContent);
    }
}
