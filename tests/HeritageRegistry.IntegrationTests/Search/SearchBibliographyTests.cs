using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>/search.bib, /search.ris and /search.json: the sources behind a search's results, and nothing else.</summary>
public sealed partial class SearchBibliographyTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    public static TheoryData<string> Formats => ["bib", "ris", "json"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_searchs_bibliography_holds_exactly_the_sources_its_results_cite_and_the_sources_it_found(string format)
    {
        var expected = await ExpectedSourcesAsync("q=baalshamin");

        var response = await _client.GetAsync($"/search.{format}?q=baalshamin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"search-sources.{format}", response.Content.Headers.ContentDisposition!.FileName);
        var found = References(format, await response.Content.ReadAsStringAsync());
        Assert.Equal(found.Distinct().Count(), found.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Contains("S14", found); // DGAM's statement on the Temple of Baalshamin, cited by its destruction report
    }

    [Fact]
    public async Task A_filter_narrows_the_bibliography_to_the_sources_of_what_it_keeps()
    {
        var all = References("json", await _client.GetStringAsync("/search.json?q=baalshamin"));
        var expected = await ExpectedSourcesAsync("q=baalshamin&type=report&severity=destroyed");

        var narrowed = References("json", await _client.GetStringAsync("/search.json?q=baalshamin&type=report&severity=destroyed"));

        Assert.Equal(expected.Order(StringComparer.Ordinal), narrowed.Order(StringComparer.Ordinal));
        Assert.True(narrowed.Count < all.Count, $"the filter kept all {all.Count} sources");
        Assert.Subset(all.ToHashSet(), narrowed.ToHashSet());
    }

    [Fact]
    public async Task The_order_is_stable_and_the_same_in_every_format()
    {
        var json = References("json", await _client.GetStringAsync("/search.json?site=temple-of-bel"));

        Assert.Equal(json, References("json", await _client.GetStringAsync("/search.json?site=temple-of-bel&sort=oldest")));
        Assert.Equal(json, References("ris", await _client.GetStringAsync("/search.ris?site=temple-of-bel")));
        Assert.Equal(json, References("bib", await _client.GetStringAsync("/search.bib?site=temple-of-bel")));
    }

    [Fact]
    public async Task The_search_page_links_each_bibliography_of_the_same_query_beside_the_csv()
    {
        var page = await _client.GetPageAsync("/search?q=bel&severity=destroyed&sort=newest&page=1");

        foreach (var format in new[] { "bib", "ris", "json" })
        {
            Assert.NotNull(page.QuerySelector($"a[href='/search.{format}?q=bel&severity=destroyed&sort=newest'][download]"));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_search_that_finds_nothing_has_an_empty_bibliography(string format)
    {
        var response = await _client.GetAsync($"/search.{format}?q=zzxqvnothingmatches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(References(format, await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("severity=obliterated", "severity")]
    [InlineData("from=2016&to=2015-06", "to")]
    [InlineData("site=atlantis", "site")]
    [InlineData("site=Not%20A%20Slug", "site")]
    [InlineData("sort=random", "sort")]
    [InlineData("q=a&q=b", "q")]
    [InlineData("from=2015-13-45", "from")]
    public async Task A_bad_parameter_gets_the_same_400_problem_as_the_csv_export(string query, string parameter)
    {
        var (_, csv) = await _client.GetJsonAsync($"/search.csv?{query}");
        foreach (var format in new[] { "bib", "ris", "json" })
        {
            var (response, problem) = await _client.GetJsonAsync($"/search.{format}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(csv.GetProperty("errors").GetProperty(parameter)[0].GetString(), problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
        }
    }

    [Fact]
    public async Task Fuzzed_parameters_never_get_a_server_error()
    {
        var random = new Random(15);
        string[] names = ["q", "type", "kind", "sitekind", "cause", "effect", "severity", "certainty", "verification", "sourcekind", "site", "from", "to", "sort", "page", "size"];
        string[] values = ["", " ", "bel", "\"", "'", "*", "-", "(", "NEAR(", "معبد", "%00", "%FF", "2015", "2015-08-23", "2015-08/..", "-1", "0", "999999999999",
            "destroyed", "report", "temple-of-bel", "%E2%80%AE", new string('x', 300), "OR", "a AND", "^", "{}", "\\", "%0D%0A"];
        for (var i = 0; i < 120; i++)
        {
            var query = string.Join('&', Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"{names[random.Next(names.Length)]}={values[random.Next(values.Length)]}"));
            var url = $"/search.{new[] { "bib", "ris", "json" }[i % 3]}?{query}";

            var response = await _client.GetAsync(url);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"GET {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_dgam_statement_behind_a_search_has_its_year_its_full_ris_date_and_the_authority_whole()
    {
        var bib = await _client.GetStringAsync("/search.bib?q=baalshamin&type=report&severity=destroyed");
        var ris = await _client.GetStringAsync("/search.ris?q=baalshamin&type=report&severity=destroyed");

        var s14 = Entry(bib, "palmyra-s14");
        Assert.Contains("date = {2015-08-23},", s14, StringComparison.Ordinal);
        Assert.Contains("year = {2015},", s14, StringComparison.Ordinal);
        Assert.Contains("institution = {DGAM (Syrian Directorate-General of Antiquities and Museums)},", s14, StringComparison.Ordinal);
        Assert.Contains("PY  - 2015/08/23/\r\n", ris, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_written_in_natural_order_and_organisations_are_told_apart_in_the_seeds_bibtex()
    {
        var bib = await _client.GetStringAsync("/sources/export.bib");

        Assert.Contains("author = {Bokova, Irina},", Entry(bib, "palmyra-s38"), StringComparison.Ordinal);
        Assert.Contains("author = {{UNITAR-UNOSAT} and {UNESCO}},", Entry(bib, "palmyra-s11"), StringComparison.Ordinal);
        Assert.Contains("author = {{WorldTribune Staff}},", Entry(bib, "palmyra-s40"), StringComparison.Ordinal);
        Assert.Contains("author = {Danti, Michael D. and Ali, Cheikhmous and ", Entry(bib, "palmyra-s75"), StringComparison.Ordinal);
    }

    /// <summary>What the JSON API says the search finds: the sources among its results, and the sources that
    /// cite (by their "cited by" lists) one of its reports, photos or, for a place's own facts, places.</summary>
    private async Task<HashSet<string>> ExpectedSourcesAsync(string query)
    {
        var results = await _client.AllPagesAsync($"/api/v1/search?pageSize=100&{query}");
        var keys = results.Select(r => (Type: r.Text("type"), Key: r.Text("key"))).ToHashSet();
        Assert.NotEmpty(keys);
        var expected = keys.Where(k => k.Type == "source").Select(k => k.Key).ToHashSet();
        foreach (var source in await _client.AllPagesAsync("/api/v1/sources?pageSize=100"))
        {
            var reference = source.Text("reference");
            var citedBy = (await _client.GetOkJsonAsync($"/api/v1/sources/{reference}")).GetProperty("cited_by").EnumerateArray();
            if (citedBy.Any(claim => Cites(claim, keys)))
            {
                expected.Add(reference);
            }
        }
        return expected;
    }

    private static bool Cites(JsonElement claim, HashSet<(string Type, string Key)> keys) =>
        claim.GetProperty("report").GetString() is { } report ? keys.Contains(("report", report))
        : claim.GetProperty("photo").ValueKind == JsonValueKind.Number ? keys.Contains(("photo", claim.GetProperty("photo").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : keys.Contains(("site", claim.Text("site")));

    /// <summary>The source references a bibliography holds, in its order.</summary>
    internal static List<string> References(string format, string text) => format switch
    {
        "json" => [.. JsonDocument.Parse(text).RootElement.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)],
        "ris" => [.. RisId().Matches(text).Select(m => m.Groups[1].Value)],
        _ => [.. BibKey().Matches(text).Select(m => m.Groups[1].Value.ToUpperInvariant())],
    };

    private static string Entry(string bib, string key)
    {
        var start = bib.IndexOf($"{{{key},", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no entry {key}");
        var end = bib.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return bib[start..end];
    }

    [GeneratedRegex(@"^ID  - (\S+)\r$", RegexOptions.Multiline)]
    private static partial Regex RisId();

    [GeneratedRegex(@"^@\w+\{palmyra-([^,]+),", RegexOptions.Multiline)]
    private static partial Regex BibKey();
}
