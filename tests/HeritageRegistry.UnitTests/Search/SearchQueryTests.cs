using HeritageRegistry.Search;
using Microsoft.Extensions.Primitives;

namespace HeritageRegistry.UnitTests.Search;

public sealed class SearchQueryTests
{
    private static SearchQueryParse Parse(params (string Name, string Value)[] parameters) =>
        SearchQuery.Parse(parameters.GroupBy(p => p.Name).Select(g => KeyValuePair.Create(g.Key, new StringValues([.. g.Select(p => p.Value)]))));

    [Fact]
    public void Empty_fields_of_a_submitted_form_are_no_filter()
    {
        var parse = Parse(("q", "  "), ("severity", ""), ("site", ""), ("from", ""), ("page", ""));

        Assert.True(parse.IsValid);
        Assert.Equal(new SearchQuery().Url("/search"), parse.Query.Url("/search"));
    }

    [Fact]
    public void Codes_are_read_in_any_case_and_written_back_canonical()
    {
        var parse = Parse(("q", "Temple of Bel"), ("SEVERITY", "Destroyed"), ("site", "Temple-Of-Bel"), ("from", "2015-08"), ("to", "2015"), ("sort", "Newest"), ("page", "2"));

        Assert.True(parse.IsValid, string.Join("; ", parse.Errors.Values));
        Assert.Equal("/search?q=Temple%20of%20Bel&severity=destroyed&site=temple-of-bel&from=2015-08&to=2015&sort=newest&page=2", parse.Query.Url("/search"));
        Assert.Equal("/search?q=Temple%20of%20Bel&severity=destroyed&site=temple-of-bel&from=2015-08&to=2015&sort=newest", parse.Query.Url("/search", 1));
    }

    [Fact]
    public void Every_bad_parameter_gets_its_own_message()
    {
        var parse = Parse(("cause", "aliens"), ("from", "2015-02-30"), ("page", "-1"), ("size", "0"), ("sort", "best"), ("type", "person"));

        Assert.False(parse.IsValid);
        Assert.Equal(["cause", "from", "page", "size", "sort", "type"], parse.Errors.Keys.Order());
        Assert.Contains("not a day in February 2015", parse.Errors["from"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused_but_a_single_year_is_a_range()
    {
        Assert.Contains("before it starts", Parse(("from", "2016-01"), ("to", "2015-12-31")).Errors["to"], StringComparison.Ordinal);
        Assert.True(Parse(("from", "2015"), ("to", "2015")).IsValid);
    }

    [Theory]
    [InlineData("2147483647", "20")]
    [InlineData("501", "20")]
    [InlineData("101", "100")]
    public void A_page_beyond_the_result_window_is_refused_with_the_last_page_it_may_ask_for(string page, string size)
    {
        var parse = Parse(("q", "bel"), ("page", page), ("size", size));

        Assert.False(parse.IsValid);
        Assert.Contains($"the last page is {SearchQuery.MaxResultWindow / int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)}",
            parse.Errors["page"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_page_of_the_result_window_may_be_asked_for()
    {
        Assert.True(Parse(("q", "bel"), ("page", "500"), ("size", "20")).IsValid);
        Assert.True(Parse(("q", "bel"), ("page", "100"), ("size", "100")).IsValid);
    }

    [Fact]
    public void Words_beyond_the_query_bounds_are_a_message_on_q()
    {
        var parse = Parse(("q", string.Join('-', Enumerable.Repeat("a", 50))));

        Assert.False(parse.IsValid);
        Assert.Equal(["q"], parse.Errors.Keys);
    }

    [Theory]
    [InlineData(50_000, 20, 500)]
    [InlineData(50_000, 30, 333)]
    [InlineData(41, 20, 3)]
    [InlineData(0, 20, 0)]
    public void Page_links_stop_at_the_last_page_paging_reaches(long total, int size, long pages)
    {
        var results = new SearchResults(new SearchQuery { PageSize = size }, total, [], []);

        Assert.Equal(pages, results.PageCount);
        Assert.Null(SearchQuery.BeyondWindow((int)Math.Max(1, pages), size));
    }
}
