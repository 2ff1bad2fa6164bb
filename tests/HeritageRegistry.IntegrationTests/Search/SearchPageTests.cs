using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>The search page: bad parameters, pages, order, and the header box.</summary>
public sealed class SearchPageTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Fact]
    public async Task The_page_links_to_the_same_query_as_json_with_the_same_total()
    {
        using var client = registry.CreateClient();
        var page = await client.GetPageAsync("/search?q=palmyra&size=5");

        var link = page.QuerySelector("a[type='application/json']")!.GetAttribute("href")!;
        var (response, json) = await Api.ApiJson.GetJsonAsync(client, link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pageSize=5", link, StringComparison.Ordinal);
        var total = json.GetProperty("total").GetInt64();
        Assert.True(total > 5, "the query finds more than one page");
        Assert.Equal(5, json.GetProperty("items").GetArrayLength());
        Assert.Contains($"{total} results", page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severity=bogus", "severity", "is not a severity")]
    [InlineData("type=person", "type", "is not a record type")]
    [InlineData("from=2015-13", "from", "month 13")]
    [InlineData("to=yesterday", "to", "is not a date")]
    [InlineData("from=2016&to=2015-06", "to", "ends (2015-06) before it starts (2016)")]
    [InlineData("page=-1", "page", "whole number from 1")]
    [InlineData("page=0", "page", "whole number from 1")]
    [InlineData("page=99999999999", "page", "whole number from 1")]
    [InlineData("size=1000", "size", "from 1 to 100")]
    [InlineData("sort=random", "sort", "is not an order")]
    [InlineData("site=Not%20a%20slug!", "site", "is not a place's address name")]
    [InlineData("site=atlantis", "site", "No public place has the address name 'atlantis'")]
    [InlineData("severity=destroyed&severity=destroyed", "severity", "only once")]
    public async Task Bad_parameters_answer_400_with_a_message_naming_the_parameter(string query, string parameter, string message)
    {
        using var client = registry.CreateClient();

        var page = await client.GetAsync($"/search?{query}");
        var csv = await client.GetAsync($"/search.csv?{query}");
        var errors = (await Html.ParseAsync(page)).QuerySelector("#search-errors")!.TextContent;

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains($"{parameter}:", errors, StringComparison.Ordinal);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal("application/problem+json", csv.Content.Headers.ContentType!.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Contains(message, problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_overlap_and_links_keep_the_query()
    {
        using var client = registry.CreateClient();

        var first = await client.GetPageAsync("/search?q=temple&size=5");
        var second = await client.GetPageAsync("/search?q=temple&size=5&page=2");
        string[] Hits(AngleSharp.Html.Dom.IHtmlDocument document) => [.. document.QuerySelectorAll(".search-hit > a").Select(a => a.GetAttribute("href")!)];

        Assert.Equal(5, Hits(first).Length);
        Assert.Empty(Hits(first).Intersect(Hits(second)));
        Assert.Equal("1", first.QuerySelector(".pagination a[aria-current='page']")!.TextContent);
        Assert.Equal("2", second.QuerySelector(".pagination a[aria-current='page']")!.TextContent);
        Assert.Equal("/search?q=temple&size=5&page=2", first.QuerySelector(".pagination a[rel='next']")!.GetAttribute("href"));
        Assert.Equal("/search?q=temple&size=5", second.QuerySelector(".pagination a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("6", second.QuerySelector("ol.search-results")!.GetAttribute("start"));
    }

    [Fact]
    public async Task A_page_past_the_last_says_so_with_a_200()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/search?q=temple&page=500");

        Assert.Contains("There are no results on this page.", document.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oldest", "r.event_earliest, r.id")]
    [InlineData("newest", "r.event_earliest DESC, r.id")]
    public async Task Reports_sort_by_date(string sort, string order)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync($"type=report&sort={sort}");
        var expected = await registry.Factory.PathsAsync($"SELECT '/reports/' || r.reference FROM damage_report r ORDER BY {order}");

        Assert.Equal(expected, hits);
    }

    [Fact]
    public async Task Relevance_puts_a_record_named_by_the_words_before_ones_that_only_mention_them()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/search?q=tetrapylon&size=100");
        var named = document.QuerySelectorAll(".search-hit").Select(hit => hit.QuerySelector("a mark, .title-ar mark") is not null).ToList();
        var newest = await client.HitsAsync("q=tetrapylon&sort=newest");

        Assert.True(named[0], "the best match has the word in its title or name");
        Assert.Contains(false, named);
        Assert.True(named.IndexOf(false) > named.LastIndexOf(true) - 2, "titles with the word come (nearly) all before text-only matches");
        Assert.NotEqual(newest, await client.HitsAsync("q=tetrapylon"));
    }

    [Fact]
    public async Task The_form_works_without_javascript_and_shows_what_was_asked()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/search?q=bel&severity=destroyed&sort=newest");
        var form = document.QuerySelector("form.search-form")!;

        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("bel", document.QuerySelector("#q")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("#f-sort option[value='newest'][selected]"));
        Assert.All(form.QuerySelectorAll("select, input"), field =>
            Assert.NotNull(document.QuerySelector($"label[for='{field.Id}']")));
        Assert.Equal("/search.csv?q=bel&severity=destroyed&sort=newest", document.QuerySelector("a[href^='/search.csv']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_in_its_header()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/sites");
        var form = document.QuerySelector("header form[role='search']")!;

        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("q", form.QuerySelector("input")!.GetAttribute("name"));
        Assert.NotNull(document.QuerySelector("label[for='site-search-q']"));
    }

    [Fact]
    public async Task The_search_page_is_served_from_the_output_cache_per_query()
    {
        using var client = registry.CreateClient();

        var bel = await client.GetAsync("/search?q=bel");
        var again = await client.GetAsync("/search?q=bel");
        var nabu = await client.HitsAsync("q=nabu");

        Assert.True(again.Headers.Age is not null, "the second identical search is served from the cache");
        Assert.Equal(await bel.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Contains("/sites/temple-of-nabu", nabu);
    }
}
