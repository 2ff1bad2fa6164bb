using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>GET /api/v1/search: the search page's query as JSON, paged like the other API lists.</summary>
public sealed partial class SearchApiTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Theory]
    [InlineData("تَدْمُر", "palmyra", "title_ar", "تدمر")]                       // harakat on the query
    [InlineData("الاغورا", "agora", "title_ar", "الآغورا")]                     // seeded with alef madda
    [InlineData("معبد بعل شمين", "temple-of-baalshamin", "title_ar", "معبد")]
    [InlineData("Baalšamin", "temple-of-baalshamin", "title", "Baalshamin")]     // diacritic folded
    [InlineData("AL-LĀT", "lion-of-allat", "title", "Al-lat")]
    public async Task Arabic_and_folded_latin_queries_find_the_place_and_mark_the_match_as_it_is_written(
        string query, string slug, string field, string marked)
    {
        var page = await _client.GetOkJsonAsync($"/api/v1/search?type=site&q={Uri.EscapeDataString(query)}");

        var place = page.GetProperty("items").EnumerateArray().Single(item => item.Text("key") == slug);
        Assert.Equal("site", place.Text("type"));
        Assert.Equal($"http://localhost/sites/{slug}", place.Text("url"));
        Assert.Equal($"http://localhost/api/v1/sites/{slug}", place.Text("api"));
        Assert.Contains(marked, Marked(place.Text(field), place.GetProperty($"{field}_marks")));
    }

    [Fact]
    public async Task A_report_hit_has_its_date_kind_severity_place_and_a_plain_text_snippet_with_marks()
    {
        var page = await _client.GetOkJsonAsync("/api/v1/search?q=UNOSAT+berms");

        var report = page.GetProperty("items")[0];
        var snippet = report.GetProperty("snippet");
        Assert.Equal("report", report.Text("type"));
        Assert.Matches(ReportReference(), report.Text("key"));
        Assert.Equal($"http://localhost/api/v1/reports/{report.Text("key")}", report.Text("api"));
        Assert.Equal("damage", report.Text("kind"));
        Assert.False(string.IsNullOrEmpty(report.Text("date")));
        Assert.False(string.IsNullOrEmpty(report.Text("site")));
        Assert.Contains("berms", Marked(snippet.Text("text"), snippet.GetProperty("marks")));
        Assert.DoesNotContain("<mark>", snippet.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("title_ar").ValueKind);
    }

    [Theory]
    [InlineData("q=temple&severity=destroyed")]
    [InlineData("q=Baal%C5%A1amin")]
    [InlineData("q=%D9%85%D8%B9%D8%A8%D8%AF")]                                    // معبد
    [InlineData("sitekind=tomb&from=2015-06&to=2015-08")]
    [InlineData("site=valley-of-the-tombs&cause=explosion-heavy-weaponry")]
    [InlineData("q=bel&type=report&sort=oldest")]
    [InlineData("q=palmyra&type=source&sourcekind=satellite-analysis")]
    public async Task Results_and_facet_counts_agree_with_the_search_page_for_the_same_query(string query)
    {
        var api = await _client.GetOkJsonAsync($"/api/v1/search?pageSize=100&{query}");
        var page = await _client.GetPageAsync($"/search?size=100&{query}");

        var hits = page.QuerySelectorAll(".search-hit > a").Select(a => a.GetAttribute("href")).ToList();
        var total = api.GetProperty("total").GetInt64();
        Assert.NotEmpty(hits);
        Assert.Equal(hits, api.GetProperty("items").EnumerateArray().Select(item => new Uri(item.Text("url")).AbsolutePath));
        Assert.Equal($"{total} result{(total == 1 ? "" : "s")}", page.QuerySelector("#results-heading")!.TextContent);
        foreach (var facet in api.GetProperty("facets").EnumerateArray())
        {
            var options = page.QuerySelectorAll($"#f-{facet.Text("parameter")} option[value]:not([value=''])")
                .Select(o => (o.GetAttribute("value")!, long.Parse(CountInLabel().Match(o.TextContent.Trim()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), o.HasAttribute("selected")));
            var values = facet.GetProperty("values").EnumerateArray()
                .Select(v => (v.Text("code"), v.GetProperty("count").GetInt64(), v.GetProperty("selected").GetBoolean()));
            Assert.Equal(options, values);
        }
    }

    [Fact]
    public async Task A_chosen_filter_is_marked_selected_and_places_nest_under_their_parents()
    {
        var page = await _client.GetOkJsonAsync("/api/v1/search?severity=destroyed&site=temple-of-bel");

        var facets = page.GetProperty("facets").EnumerateArray().ToDictionary(f => f.Text("parameter"), f => f.GetProperty("values"));
        var destroyed = facets["severity"].EnumerateArray().Single(v => v.Text("code") == "destroyed");
        var places = facets["site"].EnumerateArray().ToList();
        Assert.True(destroyed.GetProperty("selected").GetBoolean());
        Assert.False(string.IsNullOrEmpty(destroyed.Text("arabic")));
        Assert.Equal(page.GetProperty("total").GetInt64(), destroyed.GetProperty("count").GetInt64());
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal("destroyed", item.Text("severity")));
        var bel = places.FindIndex(v => v.Text("code") == "temple-of-bel");
        var cella = places.FindIndex(v => v.Text("code") == "bel-cella");
        Assert.True(places[bel].GetProperty("selected").GetBoolean());
        Assert.True(cella > bel, "a place within another comes after it");
        Assert.Equal(places[bel].GetProperty("depth").GetInt32() + 1, places[cella].GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Results_are_paged_with_absolute_links_that_keep_the_query_and_walk_every_hit_once()
    {
        var first = await _client.GetOkJsonAsync("/api/v1/search?q=temple&pageSize=5");
        var total = first.GetProperty("total").GetInt32();
        var last = (total + 4) / 5;
        var links = first.GetProperty("links");

        Assert.True(total > 10, "the query spans several pages");
        Assert.Equal(5, first.GetProperty("items").GetArrayLength());
        Assert.Equal(5, first.GetProperty("page_size").GetInt32());
        Assert.Equal("http://localhost/api/v1/search?q=temple&pageSize=5&page=1", links.Text("self"));
        Assert.Equal("http://localhost/api/v1/search?q=temple&pageSize=5&page=1", links.Text("first"));
        Assert.Equal($"http://localhost/api/v1/search?q=temple&pageSize=5&page={last}", links.Text("last"));
        Assert.Equal("http://localhost/api/v1/search?q=temple&pageSize=5&page=2", links.Text("next"));
        Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);

        var all = await _client.AllPagesAsync("/api/v1/search?q=temple&pageSize=5");
        Assert.Equal(total, all.Count);
        Assert.Equal(total, all.Select(item => item.Text("url")).Distinct().Count());
        var end = await _client.GetOkJsonAsync($"/api/v1/search?q=temple&pageSize=5&page={last}");
        Assert.Equal($"http://localhost/api/v1/search?q=temple&pageSize=5&page={last - 1}", end.GetProperty("links").Text("prev"));
        Assert.Equal(JsonValueKind.Null, end.GetProperty("links").GetProperty("next").ValueKind);
        var past = await _client.GetOkJsonAsync($"/api/v1/search?q=temple&pageSize=5&page={last + 3}");
        Assert.Empty(past.GetProperty("items").EnumerateArray());
        Assert.Equal(total, past.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_default_page_is_the_api_lists_twenty_five()
    {
        var page = await _client.GetOkJsonAsync("/api/v1/search");

        Assert.True(page.GetProperty("total").GetInt32() >= SeedCounts.Records, "without words or filters, every published record");
        Assert.Equal(25, page.GetProperty("items").GetArrayLength());
        Assert.Equal(25, page.GetProperty("page_size").GetInt32());
    }

    [Theory]
    [InlineData("severity=obliterated", "severity")]
    [InlineData("type=person", "type")]
    [InlineData("sourcekind=gossip", "sourcekind")]
    [InlineData("from=2016-01-01&to=2015-01-01", "to")]
    [InlineData("from=2015-13", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("sort=random", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("size=10", "size")]
    [InlineData("site=Not%20a%20slug!", "site")]
    [InlineData("site=atlantis", "site")]
    [InlineData("severity=destroyed&severity=destroyed", "severity")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var (response, problem) = await _client.GetJsonAsync($"/api/v1/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!);
        Assert.DoesNotContain("Exception", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severity=obliterated", "severity")]
    [InlineData("from=2016&to=2015-06", "to")]
    [InlineData("site=atlantis", "site")]
    [InlineData("sort=random", "sort")]
    public async Task A_search_parameter_gets_the_same_message_as_the_csv_export_gives(string query, string parameter)
    {
        var (_, api) = await _client.GetJsonAsync($"/api/v1/search?{query}");
        var (_, csv) = await _client.GetJsonAsync($"/search.csv?{query}");

        Assert.Equal(csv.GetProperty("errors").GetProperty(parameter)[0].GetString(), api.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_in_one_problem()
    {
        var (response, problem) = await _client.GetJsonAsync("/api/v1/search?severity=bogus&from=2016-01-01&to=2015-01-01&page=0&pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["page", "pageSize", "severity", "to"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("temple AND bel")]
    [InlineData("NEAR(temple bel, 2)")]
    [InlineData("*")]
    [InlineData("title:bel")]
    [InlineData("{title}: bel")]
    [InlineData("((temple")]
    [InlineData("'; DROP TABLE site; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0000\u0001")]
    [InlineData("%")]
    [InlineData("ـــ")]   // only tatweel: nothing left once folded
    public async Task Hostile_query_strings_answer_200_with_json(string query)
    {
        var (response, body) = await _client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(body.GetProperty("total").GetInt64() >= 0);
    }

    [Fact]
    public async Task Drafts_are_neither_found_nor_counted_until_published()
    {
        var editor = registry.Factory.Services.GetRequiredService<RecordEditor>();
        await editor.CreateAsync(RecordType.Site, new Dictionary<string, object?>
        {
            ["slug"] = "shrine-of-zorbaxle", ["kind"] = "temple", ["name_en"] = "Shrine of Zorbaxle", ["is_sensitive"] = 0L,
        }, null, null, CancellationToken.None);
        var source = await editor.CreateAsync(RecordType.Source, new Dictionary<string, object?>
        {
            ["reference"] = "S902", ["kind"] = "eyewitness", ["title"] = "Zorbaxle field notes",
        }, null, null, CancellationToken.None);

        var asDrafts = await _client.GetOkJsonAsync("/api/v1/search?q=zorbaxle");
        var notAPlace = await _client.GetJsonAsync("/api/v1/search?site=shrine-of-zorbaxle");
        await editor.SetPublishedAsync(RecordType.Source, source.Id, 1, true, null, CancellationToken.None);
        var oneDraft = await _client.GetOkJsonAsync("/api/v1/search?q=zorbaxle");

        Assert.Equal(0, asDrafts.GetProperty("total").GetInt64());
        Assert.Empty(asDrafts.GetProperty("items").EnumerateArray());
        Assert.All(asDrafts.GetProperty("facets").EnumerateArray(), facet => Assert.Empty(facet.GetProperty("values").EnumerateArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notAPlace.Response.StatusCode);
        Assert.Equal(["S902"], oneDraft.GetProperty("items").Strings("key"));
        Assert.DoesNotContain(oneDraft.GetProperty("facets").EnumerateArray().Single(f => f.Text("parameter") == "site").GetProperty("values").EnumerateArray(),
            v => v.Text("code") == "shrine-of-zorbaxle");
    }

    /// <summary>The stretches of <paramref name="text"/> that <paramref name="marks"/> point at.</summary>
    private static List<string> Marked(string text, JsonElement marks) =>
        [.. marks.EnumerateArray().Select(m => text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()))];

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex CountInLabel();

    [GeneratedRegex(@"^PAL-\d{4}-\d{4}$")]
    private static partial Regex ReportReference();
}
