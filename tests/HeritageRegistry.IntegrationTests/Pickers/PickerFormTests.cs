using HeritageRegistry.Accounts;
using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;

namespace HeritageRegistry.IntegrationTests.Pickers;

/// <summary>
/// Every form that chooses a record takes it as a curator types it: a reference or slug, "REF — title", or a title.
/// Text that names nothing, or several records, is a message at the field, a 400, and nothing written.
/// </summary>
public sealed class PickerFormTests : IDisposable
{
    private const string Report = "PAL-2015-0015";
    private const string ReportText = "PAL-2015-0015 — Columns of the Bel sanctuary brought down in the cella blast";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(Report)]
    [InlineData(ReportText)]
    [InlineData("pal-2015-0015")]
    public async Task A_photo_is_uploaded_to_the_report_named_by_its_reference_or_reference_and_title(string report)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 21))], place: "temple-of-bel", report: report);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Stored", Assert.Single(page.Results()).Result);
        Assert.Equal(Report, await _factory.TextAsync("SELECT r.reference FROM photo p JOIN damage_report r ON r.id = p.report_id"));
    }

    [Theory]
    [InlineData("PAL-1999-9999", "No report has that reference or title.")]
    [InlineData("PAL-1999-9999 — Columns of the Bel sanctuary brought down in the cella blast", "No report has that reference or title.")]
    [InlineData("Bel", "Several reports match: PAL-")]
    public async Task An_upload_naming_no_report_or_several_is_refused_at_the_field_and_stores_nothing(string report, string message)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 22))], place: "temple-of-bel", report: report);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.ReportId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(report, ((IHtmlInputElement)page.QuerySelector("#Input_ReportId")!).Value);
        Assert.Equal(0, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo"));
    }

    [Theory]
    [InlineData(Report)]
    [InlineData(ReportText)]
    public async Task Editing_a_photo_attaches_it_to_the_report_named_by_its_reference_or_reference_and_title(string report)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var edit = await UploadAsync(curator);

        var (response, page) = await curator.SubmitAsync(edit, "form.record-form", new() { ["Input.ReportId"] = report });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Report, await _factory.TextAsync("SELECT r.reference FROM photo p JOIN damage_report r ON r.id = p.report_id"));
        Assert.Equal(ReportText, ((IHtmlInputElement)page.QuerySelector("#Input_ReportId")!).Value);
    }

    [Theory]
    [InlineData("PAL-1999-9999", "No report has that reference or title.")]
    [InlineData("bel", "Several reports match: PAL-")]
    public async Task Editing_a_photo_to_name_no_report_or_several_is_refused_at_the_field_and_writes_nothing(string report, string message)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var edit = await UploadAsync(curator);
        var revisions = await _factory.ScalarAsync("SELECT COUNT(*) FROM revision");

        var (response, page) = await curator.SubmitAsync(edit, "form.record-form", new() { ["Input.ReportId"] = report, ["Input.Caption"] = "Changed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.ReportId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_ReportId")!.GetAttribute("aria-invalid"));
        Assert.Equal(revisions, await _factory.ScalarAsync("SELECT COUNT(*) FROM revision"));
        Assert.Equal(0, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo WHERE report_id IS NOT NULL OR caption = 'Changed'"));
    }

    [Theory]
    [InlineData("temple-of-bel")]
    [InlineData("temple-of-bel — Temple of Bel")]
    [InlineData("Temple of Bel")]
    [InlineData("معبد بعل")]
    public async Task A_report_is_placed_by_the_places_slug_name_or_Arabic_name(string place)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, _) = await curator.SubmitAsync("/curate/reports/edit", "form.record-form", new()
        {
            ["Input.SiteId"] = place, ["Input.Kind"] = "damage", ["Input.Title"] = "Zqxplaced report", ["Input.EventDate"] = "2019-03",
            ["Input.Verification"] = "reported",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("temple-of-bel", await _factory.TextAsync(
            "SELECT s.slug FROM damage_report r JOIN site s ON s.id = r.site_id WHERE r.title = 'Zqxplaced report'"));
    }

    [Theory]
    [InlineData("palmyra")]
    [InlineData("palmyra — Palmyra")]
    public async Task A_place_is_made_part_of_the_place_named_in_its_parent_picker(string parent)
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor); // an editor's change to a published place applies at once

        var (response, _) = await curator.SubmitAsync(await EditUrlAsync(curator, "/sites/monumental-arch"), "form.record-form",
            new() { ["Input.ParentId"] = parent });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("palmyra", await _factory.TextAsync("SELECT p.slug FROM site s JOIN site p ON p.id = s.parent_id WHERE s.slug = 'monumental-arch'"));
    }

    [Theory]
    [InlineData("nowhere-at-all", "No place has that address name or name.")]
    [InlineData("temple", "Several places match: ")]
    public async Task A_parent_picker_naming_no_place_or_several_is_refused_at_the_field_and_writes_nothing(string parent, string message)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var revisions = await _factory.ScalarAsync("SELECT COUNT(*) FROM revision");

        var (response, page) = await curator.SubmitAsync(await EditUrlAsync(curator, "/sites/monumental-arch"), "form.record-form",
            new() { ["Input.ParentId"] = parent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.ParentId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(revisions, await _factory.ScalarAsync("SELECT COUNT(*) FROM revision"));
    }

    [Theory]
    [InlineData("S49")]
    [InlineData("s49")]
    [InlineData("S49 — Roman Theatre at Palmyra")]
    public async Task A_source_is_cited_by_its_reference_or_reference_and_title(string source)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var edit = await EditUrlAsync(curator, "/sites/roman-theatre");
        var before = await CitationsOfS49Async();

        var (response, _) = await curator.SubmitAsync(edit, "button.add-citation", new() { ["Citation.SourceId"] = source, ["Citation.Locator"] = "zqx page" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await CitationsOfS49Async());
    }

    [Theory]
    [InlineData("S99999", "No source has that reference or title.")]
    [InlineData("Palmyra", "Several sources match: S")]
    public async Task Citing_text_that_names_no_source_or_several_is_refused_at_the_field_and_writes_nothing(string source, string message)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var edit = await EditUrlAsync(curator, "/sites/roman-theatre");
        var citations = await _factory.ScalarAsync("SELECT COUNT(*) FROM citation");

        var (response, page) = await curator.SubmitAsync(edit, "button.add-citation", new() { ["Citation.SourceId"] = source });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Citation.SourceId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(citations, await _factory.ScalarAsync("SELECT COUNT(*) FROM citation"));
    }

    [Fact]
    public async Task The_picker_lists_every_record_in_the_page_while_there_are_few_for_browsers_without_the_script()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var page = await curator.Client.GetPageAsync("/curate/photos/upload");

        var field = page.QuerySelector("#Input_ReportId")!;
        Assert.Equal("/curate/pickers/reports", field.GetAttribute("data-picker"));
        var options = page.QuerySelectorAll($"datalist#{field.GetAttribute("list")} option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(ReportText, options);
        Assert.Equal("Report (optional)", page.QuerySelector("label[for='Input_ReportId']")!.TextContent);
        Assert.Single(page.QuerySelectorAll("script[src^='/js/picker.js']"));
    }

    private async Task<string> UploadAsync(CuratorSession curator)
    {
        var (_, uploaded) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 23))], place: "temple-of-bel");
        return uploaded.QuerySelector(".upload-results a[href^='/curate/photos/edit/']")!.GetAttribute("href")!;
    }

    private static async Task<string> EditUrlAsync(CuratorSession curator, string publicPage) =>
        (await curator.Client.GetPageAsync(publicPage)).QuerySelector(".curator-bar a")!.GetAttribute("href")!;

    private Task<long> CitationsOfS49Async() => _factory.ScalarAsync(
        "SELECT COUNT(*) FROM citation c JOIN source s ON s.id = c.source_id WHERE s.reference = 'S49' AND c.deleted_at IS NULL");
}
