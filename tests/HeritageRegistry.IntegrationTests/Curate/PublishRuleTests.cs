using HeritageRegistry.Accounts;
using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>
/// "A published report cites at least one published source" holds on every path that could break it,
/// including two curators acting at the same moment.
/// </summary>
public sealed class PublishRuleTests : IDisposable
{
    private const string SaveForm = "form.record-form";
    private const string RemoveCitation = "form[action*='handler=RemoveCitation']";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Two_curators_removing_the_last_two_citations_at_once_leave_every_published_report_a_source()
    {
        using var first = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var second = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var reports = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            reports.Add(await PublishedReportAsync(first, $"Twice-sourced report {i}", "S01", "S02"));
        }

        // Each curator opens every report and removes a different one of its two citations, all at once.
        var posts = new List<Task<HttpResponseMessage>>();
        foreach (var reference in reports)
        {
            var url = $"/curate/reports/edit/{await IdAsync(reference)}";
            var (firstPage, secondPage) = (await first.Client.GetPageAsync(url), await second.Client.GetPageAsync(url));
            posts.Add(first.Client.SubmitAsync(firstPage, $"ol.citations li:nth-child(1) {RemoveCitation}", new Dictionary<string, string>()));
            posts.Add(second.Client.SubmitAsync(secondPage, $"ol.citations li:nth-child(2) {RemoveCitation}", new Dictionary<string, string>()));
        }
        var answers = await Task.WhenAll(posts);

        Assert.Empty(await UnsourcedPublishedReportsAsync());
        foreach (var pair in answers.Chunk(2))
        {
            // One removal wins; the other is refused with the reason, never a 500.
            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], pair.Select(a => a.StatusCode).Order());
            Assert.Contains("only source of a published report", await pair.Single(a => a.StatusCode == HttpStatusCode.BadRequest).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Two_curators_saving_one_report_at_once_get_one_save_and_one_conflict()
    {
        using var first = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var second = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var url = $"/curate/reports/edit/{await IdAsync("PAL-2015-0010")}";
        var (firstPage, secondPage) = (await first.Client.GetPageAsync(url), await second.Client.GetPageAsync(url));

        var answers = await Task.WhenAll(
            first.Client.SubmitAsync(firstPage, SaveForm, new Dictionary<string, string> { ["Input.Title"] = "Title from the first curator" }),
            second.Client.SubmitAsync(secondPage, SaveForm, new Dictionary<string, string> { ["Input.Title"] = "Title from the second curator" }));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = answers[0].StatusCode == HttpStatusCode.Redirect ? "Title from the first curator" : "Title from the second curator";
        Assert.Equal(winner, await ScalarAsync<string>("SELECT title FROM damage_report WHERE reference = 'PAL-2015-0010'"));
        Assert.Equal(1, await ScalarAsync<long>("""
            SELECT COUNT(*) FROM revision rv JOIN damage_report r ON r.id = rv.entity_id
            WHERE rv.entity_type = 'report' AND r.reference = 'PAL-2015-0010' AND rv.action = 'update'
            """));
    }

    [Theory]
    [InlineData("handler=Delete")]
    [InlineData("handler=Unpublish")]
    public async Task The_only_published_source_of_a_published_report_cannot_be_deleted_or_withdrawn(string action)
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (_, source) = await curator.SubmitAsync("/curate/sources/edit", SaveForm,
            new() { ["Input.Kind"] = "news", ["Input.Title"] = "The one account of the gate" });
        var (_, published) = await curator.SubmitAsync(source, "form[action*='handler=Publish']", []);
        var sourceReference = published.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();
        var report = await PublishedReportAsync(curator, "Gate known from one account", sourceReference);

        var (refused, page) = await curator.SubmitAsync(published, $"form[action*='{action}']", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"only published source of {report}", page.Text());
        Assert.Empty(await UnsourcedPublishedReportsAsync());
        var shown = await _factory.CreateClient().GetPageAsync($"/reports/{report}");
        Assert.Contains("The one account of the gate", shown.QuerySelector(".citations")!.TextContent);
    }

    [Fact]
    public async Task A_deleted_published_report_cannot_come_back_without_a_source()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var report = await PublishedReportAsync(curator, "Deleted, then stripped of its source", "S01");
        var edit = await curator.Client.GetPageAsync($"/curate/reports/edit/{await IdAsync(report)}");
        var (_, deleted) = await curator.SubmitAsync(edit, "form[action*='handler=Delete']", []);
        var (removed, stripped) = await curator.SubmitAsync(deleted, RemoveCitation, []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode); // the public no longer sees it, so it may lose its source

        var (refused, page) = await curator.SubmitAsync(stripped, "form[action*='handler=Undelete']", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot be published without at least one cited source", page.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/reports/{report}")).StatusCode);
    }

    /// <summary>Creates a report through the forms, cites the sources given by reference, publishes it; returns its reference.</summary>
    private async Task<string> PublishedReportAsync(CuratorSession curator, string title, params string[] sources)
    {
        var (_, page) = await curator.SubmitAsync("/curate/reports/edit", SaveForm, new()
        {
            ["Input.SiteId"] = "temple-of-bel",
            ["Input.Kind"] = "damage", ["Input.Title"] = title, ["Input.EventDate"] = "2018-04-02",
            ["Input.Severity"] = "moderately-damaged", ["Input.Certainty"] = "medium", ["Input.Verification"] = "reported",
            ["Input.Cause"] = "gunfire-light-weaponry", ["Input.Description"] = "Bullet scars on the gate.",
        });
        foreach (var source in sources)
        {
            (_, page) = await curator.SubmitAsync(page, "button.add-citation", new() { ["Citation.SourceId"] = source });
        }
        var (published, _) = await curator.SubmitAsync(page, "form[action*='handler=Publish']", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return Reference(page);
    }

    private static string Reference(IHtmlDocument editPage) => editPage.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();

    private Task<long> IdAsync(string reference) => ScalarAsync<long>("SELECT id FROM damage_report WHERE reference = @reference", new { reference });

    /// <summary>Published, live reports that the public would see without a single published, live source.</summary>
    private async Task<IReadOnlyList<string>> UnsourcedPublishedReportsAsync()
    {
        await using var connection = await _factory.Services.GetRequiredService<Data.Database>().OpenAsync();
        return (await connection.QueryAsync<string>("""
            SELECT r.reference FROM damage_report r
            WHERE r.publication = 'published' AND r.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM citation ci JOIN source so ON so.id = ci.source_id
                              WHERE ci.report_id = r.id AND ci.deleted_at IS NULL AND so.publication = 'published' AND so.deleted_at IS NULL)
            """)).AsList();
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await _factory.Services.GetRequiredService<Data.Database>().OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
