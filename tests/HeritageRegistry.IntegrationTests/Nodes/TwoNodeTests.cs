using System.Net;
using Dapper;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using HeritageRegistry.IntegrationTests.Search;
using HeritageRegistry.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HeritageRegistry.IntegrationTests.Nodes;

/// <summary>
/// Two web nodes of one registry: two apps, each with a data folder of its own, over one PostgreSQL database and one
/// shared photo folder, as behind a load balancer. What one node does, the other shows.
/// </summary>
public sealed class TwoNodeTests : IDisposable
{
    private const string Reason = "several web nodes share one PostgreSQL database; a SQLite registry is served by one process.";
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(10);

    private readonly string _sharedPhotos = Path.Combine(Path.GetTempPath(), "heritage-tests", "photos-" + Guid.NewGuid().ToString("N"));
    private readonly RegistryFactory _a;
    private readonly RegistryFactory _b;

    public TwoNodeTests()
    {
        _a = new RegistryFactory { PhotoDirectory = _sharedPhotos };
        _ = _a.Services; // A migrates and seeds; B starts on the database A made
        _b = new RegistryFactory { DatabaseOf = _a.DataDirectory, PhotoDirectory = _sharedPhotos };
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
        if (Directory.Exists(_sharedPhotos))
        {
            Directory.Delete(_sharedPhotos, recursive: true);
        }
    }

    [PostgreSqlOnlyFact(Reason)]
    public async Task An_edit_on_one_node_is_on_the_other_nodes_cached_pages_search_and_api_at_once()
    {
        using var visitorOnB = _b.CreateClient();
        // Each page, and what it shows once it has the edit (the search page highlights the words, so it shows the hit's link).
        (string Page, string Edited)[] pages = [("/reports/PAL-2015-0014", "zircon test"), ("/sites/bel-cella", "zircon test"),
            ("/reports", "zircon test"), ("/search?q=zircon", "/reports/PAL-2015-0014")];
        foreach (var (page, edited) in pages)
        {
            await visitorOnB.GetAsync(page);
            var (cached, text) = await FetchAsync(visitorOnB, page);
            Assert.True(cached, $"B serves {page} from its output cache before the edit");
            Assert.DoesNotContain(edited, text, StringComparison.Ordinal);
        }

        using var curator = await CuratorSession.SignInAsync(_a, Roles.Editor); // an editor's change is published at once
        var (saved, _) = await curator.SubmitAsync($"/curate/reports/edit/{await ReportIdAsync("PAL-2015-0014")}", "form.record-form",
            new() { ["Input.Title"] = "Cella of Bel blown up (zircon test)" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var (page, edited) in pages)
        {
            Assert.True(await ShowsSoonAsync(visitorOnB, page, edited), $"B's {page} shows the edit made on A");
        }
        Assert.Contains("/reports/PAL-2015-0014", await visitorOnB.HitsAsync("q=zircon"));
        Assert.Equal("Cella of Bel blown up (zircon test)", (await visitorOnB.GetOkJsonAsync("/api/v1/reports/PAL-2015-0014")).Text("title"));
    }

    [PostgreSqlOnlyFact(Reason)]
    public async Task A_curator_signed_in_on_one_node_stays_signed_in_on_the_other_and_can_save_there()
    {
        // One browser, one address, two nodes behind it: the cookies it got from A go to B.
        var cookies = new CookieContainer();
        using var onA = _a.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onB = _b.CreateDefaultClient(new CookieContainerHandler(cookies));
        var login = await _a.AddUserAsync(Roles.Curator);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.SignInAsync(login)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/curate")).StatusCode);
        var edit = await onB.GetPageAsync($"/curate/reports/edit/{await ReportIdAsync("PAL-2015-0014")}");
        var saved = await onB.SubmitAsync(edit, "form.record-form", new Dictionary<string, string> { ["Input.Title"] = "Saved on node B" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [PostgreSqlOnlyFact(Reason)]
    public async Task A_photo_uploaded_on_one_node_is_served_by_the_other()
    {
        using var curator = await CuratorSession.SignInAsync(_a, Roles.Editor);
        var (uploaded, page) = await curator.UploadAsync([("gate.jpg", TestImages.Jpeg())]);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(["Stored"], page.Results().Select(result => result.Result));
        var sha256 = await _a.TextAsync("SELECT sha256 FROM photo WHERE caption = 'Test caption'");

        using var visitorOnB = _b.CreateClient();
        foreach (var size in new[] { "thumb", "display" })
        {
            var response = await visitorOnB.GetAsync($"/photos/files/{sha256}/{size}.jpg");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [PostgreSqlOnlyFact(Reason)]
    public async Task A_node_that_lost_its_connection_to_the_other_nodes_shows_what_changed_meanwhile_once_it_reconnects()
    {
        using var visitorOnB = _b.CreateClient();
        const string page = "/reports/PAL-2015-0014";
        await visitorOnB.GetAsync(page);
        Assert.True((await FetchAsync(visitorOnB, page)).Cached, $"B serves {page} from its output cache");
        using var curator = await CuratorSession.SignInAsync(_a, Roles.Editor);
        var edit = $"/curate/reports/edit/{await ReportIdAsync("PAL-2015-0014")}";

        // Both nodes lose the connection they hear each other on; A's notice of the edit then reaches nobody.
        await using (var connection = await TestDatabase.OpenAsync(_a.DataDirectory))
        {
            Assert.Equal(2, await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name) AS cut",
                new { name = HeritageRegistry.Hosting.NodeNotifications.ListenerName }));
        }
        var (saved, _) = await curator.SubmitAsync(edit, "form.record-form", new() { ["Input.Title"] = "Cella of Bel blown up (quartz test)" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.True(await ShowsSoonAsync(visitorOnB, page, "quartz test"), $"B's {page} shows the edit it could not hear, once it listens again");
    }

    private async Task<long> ReportIdAsync(string reference)
    {
        await using var connection = await TestDatabase.OpenAsync(_a.DataDirectory);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM damage_report WHERE reference = @reference", new { reference });
    }

    /// <summary>Whether the page shows the text within a moment: the other node hears of the change just after its commit.</summary>
    private static async Task<bool> ShowsSoonAsync(HttpClient client, string page, string text)
    {
        for (var deadline = DateTime.UtcNow + AtOnce; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if ((await FetchAsync(client, page)).Text.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // The output cache marks what it serves with an Age header; a freshly rendered page has none.
    private static async Task<(bool Cached, string Text)> FetchAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        response.EnsureSuccessStatusCode();
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }
}
