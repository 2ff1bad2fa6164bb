using HeritageRegistry.Accounts;
using System.Net;
using System.Text.Json;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>Drafts made through the curators' real forms stay out of every open-data output until published.</summary>
public sealed class PublishedOnlyTests : IDisposable
{
    private const string SaveForm = "form.record-form";
    private const string PublishForm = "form[action*='handler=Publish']";
    private readonly RegistryFactory _factory = new();
    private readonly HttpClient _visitor;

    public PublishedOnlyTests() => _visitor = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_draft_place_report_and_source_are_absent_from_every_endpoint_and_the_map_until_published()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var palmyraBefore = (await _visitor.GetOkJsonAsync("/api/v1/sites/palmyra")).GetProperty("condition").Text("text");
        var (_, place) = await curator.SubmitAsync("/curate/sites/edit", SaveForm, new()
        {
            ["Input.NameEn"] = "Draft shrine", ["Input.Kind"] = "temple", ["Input.Latitude"] = "34.556", ["Input.Longitude"] = "38.275",
        });
        var (_, report) = await curator.SubmitAsync("/curate/reports/edit", SaveForm, new()
        {
            ["Input.SiteId"] = "temple-of-bel", ["Input.Kind"] = "damage", ["Input.Title"] = "Unconfirmed collapse", ["Input.EventDate"] = "2019-03",
            ["Input.Severity"] = "destroyed", ["Input.Verification"] = "reported",
        });
        var reportReference = report.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();
        var (_, source) = await curator.SubmitAsync("/curate/sources/edit", SaveForm, new() { ["Input.Title"] = "Unpublished field notes", ["Input.Kind"] = "eyewitness" });
        var sourceReference = source.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/api/v1/sites/draft-shrine")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/api/v1/reports/{reportReference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/api/v1/sources/{sourceReference}")).StatusCode);
        Assert.DoesNotContain("draft-shrine", await SiteSlugsAsync());
        Assert.DoesNotContain("draft-shrine", await GeoJsonSlugsAsync());
        Assert.DoesNotContain(reportReference, (await _visitor.AllPagesAsync("/api/v1/reports?pageSize=100")).Select(r => r.Text("reference")));
        Assert.DoesNotContain(reportReference, (await _visitor.GetOkJsonAsync("/api/v1/sites/temple-of-bel")).GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        // The draft "destroyed" report on the Temple of Bel does not count it as destroyed among Palmyra's places.
        Assert.Equal(palmyraBefore, (await _visitor.GetOkJsonAsync("/api/v1/sites/palmyra")).GetProperty("condition").Text("text"));
        Assert.DoesNotContain(sourceReference, (await _visitor.AllPagesAsync("/api/v1/sources?pageSize=100")).Select(s => s.Text("reference")));
        Assert.DoesNotContain("Draft shrine", (await _visitor.GetPageAsync("/map")).Text());

        await curator.SubmitAsync(place, PublishForm, []);

        Assert.Equal("Draft shrine", (await _visitor.GetOkJsonAsync("/api/v1/sites/draft-shrine")).Text("name_en"));
        Assert.Contains("draft-shrine", await SiteSlugsAsync());
        Assert.Contains("draft-shrine", await GeoJsonSlugsAsync());
        Assert.Contains("Draft shrine", (await _visitor.GetPageAsync("/map")).Text());
    }

    [Fact]
    public async Task A_sensitive_place_shows_only_generalised_coordinates_in_the_api_the_geojson_and_the_map()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var bel = await curator.Client.GetPageAsync("/sites/temple-of-bel");
        var (saved, _) = await curator.SubmitAsync(bel.QuerySelector(".curator-bar a")!.GetAttribute("href")!, SaveForm, new() { ["Input.IsSensitive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var site = await _visitor.GetOkJsonAsync("/api/v1/sites/temple-of-bel");
        var feature = (await _visitor.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features").EnumerateArray()
            .Single(f => f.Text("id") == "temple-of-bel");
        var map = (await _visitor.GetPageAsync("/map")).QuerySelector("table.map-places th a[href='/sites/temple-of-bel']")!.Closest("tr")!;

        Assert.Equal(34.5, site.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal(38.3, site.GetProperty("location").GetProperty("longitude").GetDouble());
        Assert.True(site.GetProperty("location").GetProperty("generalised").GetBoolean());
        Assert.Equal([38.3, 34.5], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.True(feature.GetProperty("properties").GetProperty("location_generalised").GetBoolean());
        Assert.Contains("approximate", map.TextContent, StringComparison.Ordinal);
        foreach (var exact in new[] { "34.5469", "38.2739" })
        {
            Assert.DoesNotContain(exact, site.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(exact, feature.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(exact, map.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_curators_edit_changes_the_etag_so_a_conditional_get_fetches_the_new_version()
    {
        var before = await _visitor.GetAsync("/api/v1/sites/temple-of-bel");
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var bel = await curator.Client.GetPageAsync("/sites/temple-of-bel");
        await curator.SubmitAsync(bel.QuerySelector(".curator-bar a")!.GetAttribute("href")!, SaveForm, new() { ["Input.Summary"] = "Rewritten summary." });

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites/temple-of-bel");
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await _visitor.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("Rewritten summary.", JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.Text("summary"));
    }

    private async Task<List<string>> SiteSlugsAsync() => [.. (await _visitor.AllPagesAsync("/api/v1/sites?pageSize=100")).Select(s => s.Text("slug"))];

    private async Task<List<string>> GeoJsonSlugsAsync() =>
        (await _visitor.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features").Strings("id");
}
