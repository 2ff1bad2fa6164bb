using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>Arabic and transliterated names are found however they are spelled, and the match is marked as written.</summary>
public sealed class SearchTextMatchingTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Theory]
    [InlineData("تدمر", "/sites/palmyra")]
    [InlineData("تَدْمُر", "/sites/palmyra")]                 // with harakat
    [InlineData("تـدمـر", "/sites/palmyra")]                  // with tatweel
    [InlineData("معبد بعل", "/sites/temple-of-bel")]
    [InlineData("الاغورا", "/sites/agora")]                   // seeded as الآغورا
    [InlineData("ٱلمسرح", "/sites/roman-theatre")]            // alef wasla; seeded as المسرح
    [InlineData("قلعه فخر", "/sites/palmyra-castle")]         // ة written as ه
    [InlineData("معسكر ديوقلسيان", "/sites/camp-of-diocletian")]
    public async Task Arabic_queries_find_the_place_with_or_without_diacritics_and_alef_variants(string query, string expected)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync($"q={Uri.EscapeDataString(query)}&type=site");

        Assert.Contains(expected, hits);
    }

    [Theory]
    [InlineData("Baalšamin", "/sites/temple-of-baalshamin")]
    [InlineData("BAALSHAMIN", "/sites/temple-of-baalshamin")]
    [InlineData("Al-Lāt", "/sites/temple-of-allat")]
    [InlineData("al-lat", "/sites/lion-of-allat")]
    [InlineData("Kubbet el Arus", "/sites/tower-of-elahbel")]   // other name Kubbet el 'Arus
    [InlineData("Tetrakion", "/sites/tetrapylon")]             // prefix of another name
    [InlineData("Ma'ani", "/sites/palmyra-castle")]
    public async Task Latin_queries_find_records_with_diacritics_folded_and_other_names_searched(string query, string expected)
    {
        using var client = registry.CreateClient();

        var hits = await client.HitsAsync($"q={Uri.EscapeDataString(query)}");

        Assert.Contains(expected, hits);
    }

    [Fact]
    public async Task The_match_is_marked_in_the_original_arabic_spelling_with_lang_and_dir()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync($"/search?q={Uri.EscapeDataString("الاغورا")}&type=site");
        var arabic = document.QuerySelector(".search-hit .title-ar")!;

        Assert.Equal("ar", arabic.GetAttribute("lang"));
        Assert.Equal("rtl", arabic.GetAttribute("dir"));
        Assert.Equal("الآغورا", arabic.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public async Task Reports_are_found_by_words_of_their_text_with_a_marked_snippet()
    {
        using var client = registry.CreateClient();

        var document = await client.GetPageAsync("/search?q=UNOSAT+berms");
        var hit = document.QuerySelector(".search-hit")!;

        Assert.StartsWith("/reports/PAL-", hit.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(hit.QuerySelectorAll(".snippet mark"), mark => mark.TextContent == "berms");
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"temple")]
    [InlineData("temple AND bel")]
    [InlineData("temple OR")]
    [InlineData("NOT")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(temple bel, 2)")]
    [InlineData("*")]
    [InlineData("bel*")]
    [InlineData("^temple")]
    [InlineData(":")]
    [InlineData("title:bel")]
    [InlineData("{title}: bel")]
    [InlineData("((temple")]
    [InlineData("temple))")]
    [InlineData("'; DROP TABLE site; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0000\u0001")]
    public async Task Hostile_query_strings_answer_200(string query)
    {
        using var client = registry.CreateClient();

        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}");
        var csv = await client.GetAsync($"/search.csv?q={Uri.EscapeDataString(query)}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_query_is_refused_with_a_400_not_run()
    {
        using var client = registry.CreateClient();

        var response = await client.GetAsync($"/search?q={string.Join('+', Enumerable.Repeat("temple", 600))}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Operators_are_searched_as_words_not_obeyed()
    {
        using var client = registry.CreateClient();

        // As FTS5 syntax "bel OR zzzz" would find Bel; as words it needs "or" and "zzzz" too, which nothing has.
        var hits = await client.HitsAsync("q=bel+OR+zzzzqx");

        Assert.Empty(hits);
    }

    [Fact]
    public async Task A_blank_query_is_no_text_filter_and_a_query_of_symbols_matches_nothing()
    {
        using var client = registry.CreateClient();

        var all = (await client.GetPageAsync("/search")).QuerySelector("#results-heading")!.TextContent;
        var blank = (await client.GetPageAsync("/search?q=%20%20%09")).QuerySelector("#results-heading")!.TextContent;
        var symbols = (await client.GetPageAsync("/search?q=%2A%20%5E%20%22")).QuerySelector("#results-heading")!.TextContent;

        Assert.Equal($"{SeedCounts.Records} results", all);   // every place, report and source
        Assert.Equal(all, blank);
        Assert.Equal("0 results", symbols);
    }
}
