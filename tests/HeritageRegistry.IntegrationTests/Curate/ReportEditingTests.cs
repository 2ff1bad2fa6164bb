using HeritageRegistry.Accounts;
using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Curate;

public sealed class ReportEditingTests : IDisposable
{
    private const string SaveForm = "form.record-form";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> NewReport(string title, string date = "2018-04-02") => new()
    {
        ["Input.SiteId"] = "temple-of-bel", ["Input.Kind"] = "damage", ["Input.Title"] = title, ["Input.EventDate"] = date,
        ["Input.Severity"] = "moderately-damaged", ["Input.Certainty"] = "medium", ["Input.Verification"] = "reported",
        ["Input.Cause"] = "gunfire-light-weaponry", ["Input.Description"] = "Bullet scars on the gate.",
    };

    private static string Reference(IHtmlDocument editPage) => editPage.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();

    [Fact]
    public async Task A_draft_report_is_hidden_from_the_public_until_it_cites_a_source_and_is_published()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var visitor = _factory.CreateClient();

        var (created, edit) = await curator.SubmitAsync("/curate/reports/edit", SaveForm, NewReport("Gate pocked by gunfire"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var reference = Reference(edit);
        Assert.Matches(@"^PAL-2018-\d{4}$", reference);
        Assert.NotNull(edit.QuerySelector(".banner-draft"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/reports/{reference}")).StatusCode);

        var (refused, refusedPage) = await curator.SubmitAsync(edit, "form[action*='handler=Publish']", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot be published without at least one cited source", refusedPage.Text());

        var (_, cited) = await curator.SubmitAsync(refusedPage, "button.add-citation",
            new() { ["Citation.SourceId"] = "S13", ["Citation.Locator"] = "para. 3", ["Citation.Quote"] = "the gate was hit" });
        var (published, _) = await curator.SubmitAsync(cited, "form[action*='handler=Publish']", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await visitor.GetPageAsync($"/reports/{reference}");
        Assert.Equal("Gate pocked by gunfire", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("para. 3", page.QuerySelector(".citations")!.TextContent);
    }

    [Theory]
    [InlineData("Input.EventDate", "2015-13-01", "month 13")]
    [InlineData("Input.EventDate", "", "Enter a date")]
    [InlineData("Input.Severity", "obliterated", "'obliterated' is not in the severity list")]
    [InlineData("Input.Title", "", "Give the report a short title.")]
    [InlineData("Input.SiteId", "no-such-place", "No place has that address name or name.")]
    [InlineData("Input.SiteId", "temple", "Several places match: ")]
    public async Task Bad_input_gets_a_message_at_the_field_a_400_and_keeps_what_was_typed(string field, string value, string message)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var values = NewReport("Kept title");
        values[field] = value;
        // Values a drop-down does not offer are sent as a hand-made request would send them.
        var page = await curator.Client.GetPageAsync("/curate/reports/edit");

        var (response, shown) = await curator.SubmitAsync(page, SaveForm, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = shown.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
        Assert.Contains(message, error);
        if (field != "Input.Title")
        {
            Assert.Equal("Kept title", ((IHtmlInputElement)shown.QuerySelector("#Input_Title")!).Value);
        }
        Assert.Equal(SeedCounts.Reports, await CountAsync("SELECT COUNT(*) FROM damage_report"));
    }

    [Fact]
    public async Task When_two_curators_edit_the_same_report_the_second_sees_what_changed_and_keeps_their_input()
    {
        using var first = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var second = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var id = await TempleOfBelReportAsync(); // an ordinary place: an editor's own save publishes at once
        var firstPage = await first.Client.GetPageAsync($"/curate/reports/edit/{id}");
        var secondPage = await second.Client.GetPageAsync($"/curate/reports/edit/{id}");

        var (saved, _) = await first.SubmitAsync(firstPage, SaveForm, new() { ["Input.Title"] = "Title from the first curator" });
        var (conflict, shown) = await second.SubmitAsync(secondPage, SaveForm, new() { ["Input.Title"] = "Title from the second curator" });

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Title from the first curator", shown.QuerySelector(".conflict")!.TextContent);
        Assert.Equal("Title from the second curator", ((IHtmlInputElement)shown.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("Title from the first curator", await TitleAsync(id));

        // Having seen the other version, saving again is a deliberate overwrite.
        var (overwrite, _) = await second.SubmitAsync(shown, SaveForm, []);
        Assert.Equal(HttpStatusCode.Redirect, overwrite.StatusCode);
        Assert.Equal("Title from the second curator", await TitleAsync(id));
    }

    [Fact]
    public async Task Every_change_is_in_the_history_with_its_diff_and_an_earlier_version_can_be_restored()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var id = await TempleOfBelReportAsync(); // an ordinary place: an editor's own save publishes at once
        var original = await TitleAsync(id);
        await curator.SubmitAsync($"/curate/reports/edit/{id}", SaveForm, new() { ["Input.Title"] = "A corrected title", ["Input.EditNote"] = "typo in source name" });

        var history = await curator.Client.GetPageAsync($"/curate/history/report/{id}");
        var latest = history.QuerySelector(".revision")!;
        Assert.Contains("update", latest.QuerySelector(".action")!.TextContent);
        Assert.Contains("typo in source name", latest.TextContent);
        var titleRow = latest.QuerySelectorAll(".diff tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Title");
        Assert.Equal(original, titleRow.QuerySelector("del")!.TextContent);
        Assert.Equal("A corrected title", titleRow.QuerySelector("ins")!.TextContent);

        var (restored, after) = await curator.SubmitAsync(history, ".revision:nth-child(2) form", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(original, await TitleAsync(id));
        Assert.Contains("restore", after.QuerySelector(".revision .action")!.TextContent);
        Assert.Equal(3, after.QuerySelectorAll(".revision").Length);
    }

    [Fact]
    public async Task A_deleted_report_leaves_the_public_site_and_can_be_brought_back()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var visitor = _factory.CreateClient();
        var edit = await curator.Client.GetPageAsync("/curate/reports/edit/1");
        var reference = Reference(edit);

        var (_, deleted) = await curator.SubmitAsync(edit, "form[action*='handler=Delete']", []);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/reports/{reference}")).StatusCode);
        Assert.NotNull(deleted.QuerySelector(".banner-deleted"));

        await curator.SubmitAsync(deleted, "form[action*='handler=Undelete']", []);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/reports/{reference}")).StatusCode);
    }

    [Fact]
    public async Task A_curator_sees_a_draft_on_the_public_page_with_a_banner_and_visitors_do_not()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var (_, edit) = await curator.SubmitAsync("/curate/reports/edit", SaveForm, NewReport("Draft only curators see"));
        var reference = Reference(edit);

        var preview = await curator.Client.GetPageAsync($"/reports/{reference}");

        Assert.Contains("Draft: only curators can see this page.", preview.QuerySelector(".curator-bar")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/reports/{reference}")).StatusCode);
    }

    [Fact]
    public async Task The_only_source_of_a_published_report_cannot_be_removed()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (_, edit) = await curator.SubmitAsync("/curate/reports/edit", SaveForm, NewReport("One source only"));
        var (_, cited) = await curator.SubmitAsync(edit, "button.add-citation", new() { ["Citation.SourceId"] = "S13" });
        var (_, published) = await curator.SubmitAsync(cited, "form[action*='handler=Publish']", []);

        var (refused, page) = await curator.SubmitAsync(published, "form[action*='handler=RemoveCitation']", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("only source of a published report", page.Text());
        Assert.Single(page.QuerySelectorAll("ol.citations li"));
    }

    [Fact]
    public async Task Citing_a_source_that_does_not_exist_is_refused_at_the_field()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.SubmitAsync("/curate/reports/edit/1", "button.add-citation", new() { ["Citation.SourceId"] = "S99999" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No source has that reference or title.", page.QuerySelector("[data-valmsg-for='Citation.SourceId']")!.TextContent);
    }

    private Task<long> TempleOfBelReportAsync() => QueryAsync<long>("SELECT id FROM damage_report WHERE reference = 'PAL-2015-0010'", null);

    private async Task<string> TitleAsync(long id) => await QueryAsync<string>("SELECT title FROM damage_report WHERE id = @id", new { id });

    private Task<long> CountAsync(string sql) => QueryAsync<long>(sql, null);

    private async Task<T> QueryAsync<T>(string sql, object? parameters)
    {
        await using var connection = await _factory.Services.GetRequiredService<Data.Database>().OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
