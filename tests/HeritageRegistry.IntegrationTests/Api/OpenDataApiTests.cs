using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Api;

public sealed class OpenDataApiTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task A_list_is_paged_with_totals_and_links_that_walk_every_item_once()
    {
        var first = await _client.GetOkJsonAsync("/api/v1/sites?pageSize=10&kind=");
        var links = first.GetProperty("links");

        var pages = (SeedCounts.Places + 9) / 10;
        Assert.Equal(SeedCounts.Places, first.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal("http://localhost/api/v1/sites?pageSize=10&kind=&page=1", links.Text("self"));
        Assert.Equal("http://localhost/api/v1/sites?pageSize=10&kind=&page=1", links.Text("first"));
        Assert.Equal($"http://localhost/api/v1/sites?pageSize=10&kind=&page={pages}", links.Text("last"));
        Assert.Equal("http://localhost/api/v1/sites?pageSize=10&kind=&page=2", links.Text("next"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, links.GetProperty("prev").ValueKind);

        var all = await _client.AllPagesAsync("/api/v1/sites?pageSize=10");
        Assert.Equal(SeedCounts.Places, all.Select(item => item.Text("slug")).Distinct().Count());
        var last = await _client.GetOkJsonAsync($"/api/v1/sites?pageSize=10&page={pages}");
        Assert.Equal(SeedCounts.Places - (10 * (pages - 1)), last.GetProperty("items").GetArrayLength());
        Assert.Equal($"http://localhost/api/v1/sites?pageSize=10&page={pages - 1}", last.GetProperty("links").Text("prev"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Reports_filter_by_place_severity_and_a_date_window_that_overlaps_each_report()
    {
        var bel = await _client.AllPagesAsync("/api/v1/reports?site=temple-of-bel&pageSize=100");
        var destroyed = await _client.AllPagesAsync("/api/v1/reports?severity=destroyed&pageSize=100");
        var august2015 = await _client.AllPagesAsync("/api/v1/reports?from=2015-08-01&to=2015-08-31&pageSize=100");

        Assert.NotEmpty(bel);
        Assert.All(bel, report => Assert.Equal("temple-of-bel", report.Text("site")));
        Assert.Contains(destroyed, report => report.Text("site") == "temple-of-baalshamin");
        Assert.All(destroyed, report => Assert.Equal("destroyed", report.Text("severity")));
        Assert.NotEmpty(august2015);
        Assert.All(august2015, report => Assert.True(
            string.CompareOrdinal(report.Text("event_latest"), "2015-08-01") >= 0 && string.CompareOrdinal(report.Text("event_earliest"), "2015-08-31") <= 0,
            $"{report.Text("reference")} ({report.Text("event_date")}) does not overlap August 2015"));
        var all = await _client.AllPagesAsync("/api/v1/reports?pageSize=100");
        Assert.Equal(SeedCounts.Reports, all.Count);
        Assert.True(august2015.Count < all.Count);
    }

    [Fact]
    public async Task Places_filter_by_kind_and_by_the_place_they_are_part_of()
    {
        var temples = await _client.AllPagesAsync("/api/v1/sites?kind=temple");
        var inPalmyra = await _client.AllPagesAsync("/api/v1/sites?parent=palmyra&pageSize=100");

        Assert.Contains("temple-of-bel", temples.Select(t => t.Text("slug")));
        Assert.All(temples, t => Assert.Equal("temple", t.Text("kind")));
        Assert.Contains("temple-of-bel", inPalmyra.Select(t => t.Text("slug")));
        Assert.DoesNotContain("bel-cella", inPalmyra.Select(t => t.Text("slug")));
        Assert.All(inPalmyra, t => Assert.Equal("palmyra", t.Text("parent")));
    }

    [Fact]
    public async Task A_place_has_its_names_location_condition_children_reports_and_links()
    {
        var bel = await _client.GetOkJsonAsync("/api/v1/sites/temple-of-bel");

        Assert.Equal("Temple of Bel", bel.Text("name_en"));
        // A place made of places: its condition counts them (the destroyed cella), not its own latest report.
        Assert.Equal(1, bel.GetProperty("condition").GetProperty("parts").GetProperty("destroyed").GetInt32());
        Assert.Equal("Places within it: 1 destroyed", bel.GetProperty("condition").Text("text"));
        Assert.Equal(34.5469, bel.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal(38.2739, bel.GetProperty("location").GetProperty("longitude").GetDouble());
        Assert.False(bel.GetProperty("location").GetProperty("generalised").GetBoolean());
        Assert.Contains("bel-cella", bel.GetProperty("children").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEqual(0, bel.GetProperty("reports").GetArrayLength());
        Assert.Equal("http://localhost/sites/temple-of-bel", bel.GetProperty("links").Text("html"));
        Assert.Equal("http://localhost/api/v1/sites/palmyra", bel.GetProperty("links").Text("parent"));
        var palmyra = await _client.GetOkJsonAsync("/api/v1/sites/palmyra");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, palmyra.GetProperty("location").ValueKind);
    }

    [Fact]
    public async Task A_report_carries_its_citations_and_a_source_the_claims_that_cite_it()
    {
        var reference = (await _client.GetOkJsonAsync("/api/v1/reports?site=temple-of-baalshamin&severity=destroyed")).GetProperty("items")[0].Text("reference");

        var report = await _client.GetOkJsonAsync($"/api/v1/reports/{reference}");
        var citation = report.GetProperty("citations")[0];
        var source = await _client.GetOkJsonAsync(citation.GetProperty("links").Text("self").Replace("http://localhost", "", StringComparison.Ordinal));

        Assert.Equal(reference, report.Text("reference"));
        Assert.Equal("temple-of-baalshamin", report.Text("site"));
        Assert.Equal(citation.Text("source"), source.Text("reference"));
        Assert.Contains(source.GetProperty("cited_by").EnumerateArray(), claim => claim.GetProperty("report").GetString() == reference);
        Assert.Equal(SeedCounts.Sources, (await _client.GetOkJsonAsync("/api/v1/sources")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/sites?page=0", "page")]
    [InlineData("/api/v1/sites?page=abc", "page")]
    [InlineData("/api/v1/sources?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/reports?pageSize=-1", "pageSize")]
    [InlineData("/api/v1/reports?severity=obliterated", "severity")]
    [InlineData("/api/v1/reports?kind=rumour", "kind")]
    [InlineData("/api/v1/sites?kind=volcano", "kind")]
    [InlineData("/api/v1/sources?kind=gossip", "kind")]
    [InlineData("/api/v1/reports?from=2015-13-01", "from")]
    [InlineData("/api/v1/reports?to=yesterday", "to")]
    [InlineData("/api/v1/reports?from=2016-01-01&to=2015-01-01", "to")]
    public async Task A_bad_query_parameter_is_a_400_problem_naming_it_without_a_stack_trace(string url, string parameter)
    {
        var (response, problem) = await _client.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!);
        var text = problem.GetRawText();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/sites/no-such-place")]
    [InlineData("/api/v1/reports/PAL-1999-0001")]
    [InlineData("/api/v1/sources/S999")]
    [InlineData("/api/v1/monuments")]
    [InlineData("/api/v1/sites/temple-of-bel/photos.xml")]
    public async Task An_unknown_record_or_address_is_a_404_problem(string url)
    {
        var (response, problem) = await _client.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.Text("detail")));
    }

    [Theory]
    [InlineData("/api/v1/sites/temple-of-bel", "/api/v1/sites/palmyra")]
    [InlineData("/api/v1/search?q=bel", "/api/v1/search?q=nabu")]
    public async Task A_response_has_a_strong_etag_and_the_same_tag_sent_back_gets_a_304_without_a_body(string url, string other)
    {
        var first = await _client.GetAsync(url);
        var tag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(tag);
        var second = await _client.SendAsync(conditional);
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.ParseAdd("\"not-the-tag\"");
        var third = await _client.SendAsync(stale);

        Assert.False(tag.IsWeak);
        Assert.NotEqual(tag, (await _client.GetAsync(other)).Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await third.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/sources/S01")]
    [InlineData("/api/v1/search?q=bel&severity=destroyed")]
    public async Task Head_answers_with_the_get_headers_and_no_body(string url)
    {
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/sites")]
    [InlineData("/api/v1/reports/PAL-1999-0001")]
    [InlineData("/api/v1/sites.geojson")]
    [InlineData("/api/v1/search?q=bel")]
    public async Task Any_origin_may_read_the_api_without_credentials(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://researcher.example");
        var response = await _client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_allows_reading_methods_only()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/sites");
        preflight.Headers.Add("Origin", "https://researcher.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var response = await _client.SendAsync(preflight);
        using var delete = new HttpRequestMessage(HttpMethod.Options, "/api/v1/sites");
        delete.Headers.Add("Origin", "https://researcher.example");
        delete.Headers.Add("Access-Control-Request-Method", "DELETE");
        var refused = await _client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var methods = response.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(',');
        Assert.Equal(["GET", "HEAD"], methods.Order());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), "a preflight for DELETE is not allowed");
    }

    [Theory]
    [InlineData("/sites")]
    [InlineData("/map")]
    [InlineData("/sources/export.json")]
    [InlineData("/openapi/v1.json")]
    public async Task Pages_outside_the_api_send_no_cors_headers(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://researcher.example");
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
