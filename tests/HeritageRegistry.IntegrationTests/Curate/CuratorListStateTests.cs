using System.Net;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>The curators' lists after curators write: states (deleted ones apart), authors and photos. Each test has its own registry.</summary>
public sealed class CuratorListStateTests : IDisposable
{
    private const string SaveForm = "form.record-form";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<long> IdAsync(string sql)
    {
        await using var database = await _factory.OpenDatabaseAsync();
        return await database.ExecuteScalarAsync<long>(sql);
    }

    private async Task<string> NewDraftReportAsync(HttpClient curator, string title)
    {
        var form = await curator.GetPageAsync("/curate/reports/edit");
        var created = await curator.SubmitAsync(form, SaveForm, new Dictionary<string, string>
        {
            ["Input.SiteId"] = "temple-of-bel", ["Input.Kind"] = "damage", ["Input.Title"] = title,
            ["Input.EventDate"] = "2019-05-01", ["Input.Certainty"] = "medium", ["Input.Verification"] = "reported",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = await curator.GetPageAsync(created.Headers.Location!.OriginalString);
        return edit.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();
    }

    [Fact]
    public async Task A_deleted_report_appears_only_under_the_deleted_state()
    {
        var (curator, _) = await _factory.SignedInAsync(Roles.Curator);
        var edit = await curator.GetPageAsync(await curator.EditUrlAsync("/curate/reports", "PAL-2015-0011"));

        Assert.Equal(HttpStatusCode.Redirect, (await curator.SubmitAsync(edit, "form[action*='handler=Delete']", new Dictionary<string, string>())).StatusCode);

        Assert.Empty((await curator.ListAsync("/curate/reports?q=PAL-2015-0011")).Keys());
        Assert.Empty((await curator.ListAsync("/curate/reports?q=PAL-2015-0011&state=published")).Keys());
        Assert.Empty((await curator.ListAsync("/curate/reports?q=PAL-2015-0011&state=draft")).Keys());
        var deleted = await curator.ListAsync("/curate/reports?state=deleted");
        Assert.Equal(["PAL-2015-0011"], deleted.Keys());
        Assert.Equal("Deleted", deleted.Column(3).Single());
    }

    [Fact]
    public async Task The_state_filter_parts_drafts_from_published_records_and_orders_by_state()
    {
        var (curator, _) = await _factory.SignedInAsync(Roles.Curator);
        var draft = await NewDraftReportAsync(curator, "Draft about the east portico");

        var drafts = (await curator.ListAsync("/curate/reports?state=draft")).Keys();
        var published = (await curator.ListAsync("/curate/reports?state=published&size=100")).Keys();
        var byState = (await curator.ListAsync("/curate/reports?sort=state&size=100")).Column(3);

        Assert.Contains(draft, drafts);
        Assert.DoesNotContain("PAL-2015-0011", drafts);
        Assert.Contains("PAL-2015-0011", published);
        Assert.DoesNotContain(draft, published);
        Assert.Equal("Draft", byState[0]);
        Assert.Equal(byState.OrderBy(state => state == "Draft" ? 0 : 1), byState);
    }

    [Fact]
    public async Task A_change_waiting_for_review_puts_its_published_report_in_review_and_nowhere_else()
    {
        var (curator, _) = await _factory.SignedInAsync(Roles.Curator);
        var edit = await curator.GetPageAsync(await curator.EditUrlAsync("/curate/reports", "PAL-2015-0010"));

        var saved = await curator.SubmitAsync(edit, SaveForm, new Dictionary<string, string> { ["Input.Title"] = "A corrected title awaiting review" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var inReview = await curator.ListAsync("/curate/reports?state=review");
        Assert.Equal(["PAL-2015-0010"], inReview.Keys());
        Assert.Equal("In review", inReview.Column(3).Single());
        Assert.DoesNotContain("PAL-2015-0010", (await curator.ListAsync("/curate/reports?state=published&size=100")).Keys());
        Assert.Contains("PAL-2015-0011", (await curator.ListAsync("/curate/reports?state=published&size=100")).Keys());
    }

    [Fact]
    public async Task The_author_filter_keeps_the_records_a_curator_created_or_changed_last()
    {
        var (writer, writerLogin) = await _factory.SignedInAsync(Roles.Curator);
        var (editor, editorLogin) = await _factory.SignedInAsync(Roles.Curator);
        var draft = await NewDraftReportAsync(writer, "Draft about the west portico");
        var edited = await editor.SubmitAsync(await editor.GetPageAsync(await editor.EditUrlAsync("/curate/reports", "PAL-2015-0011")), SaveForm,
            new Dictionary<string, string> { ["Input.Title"] = "Temple of Baalshamin destroyed by explosives (checked)" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        Assert.Equal([draft], (await writer.ListAsync($"/curate/reports?author={writerLogin}")).Keys());
        Assert.Equal(["PAL-2015-0011"], (await writer.ListAsync($"/curate/reports?author={editorLogin}")).Keys());
        var seed = (await writer.ListAsync("/curate/reports?author=registry-seed&size=100")).Keys();
        Assert.Contains("PAL-2015-0011", seed); // the seed created it
        Assert.DoesNotContain(draft, seed);
        Assert.Contains(editorLogin, (await writer.ListAsync("/curate/reports")).QuerySelectorAll("#l-author option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Photos_are_listed_by_their_report_and_filtered_by_place()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var (upload, _) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 41))], place: "temple-of-bel", report: "PAL-2015-0015", publish: false);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var found = await curator.Client.ListAsync("/curate/photos?q=PAL-2015-0015");
        Assert.Equal(["PAL-2015-0015"], found.Keys());
        Assert.Equal("Temple of Bel", found.Column(2).Single());
        Assert.Equal("Draft", found.Column(3).Single());
        Assert.Equal(["PAL-2015-0015"], (await curator.Client.ListAsync("/curate/photos?site=palmyra")).Keys());
        Assert.Empty((await curator.Client.ListAsync("/curate/photos?site=temple-of-baalshamin")).Keys());
        Assert.Empty((await curator.Client.ListAsync("/curate/photos?state=published")).Keys());
    }
}
