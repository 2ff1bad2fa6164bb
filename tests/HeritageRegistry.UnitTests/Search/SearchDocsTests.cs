using HeritageRegistry.Search;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.UnitTests.Search;

public sealed class SearchDocsTests
{
    [Theory]
    [InlineData("2015-08-30", 20150830)]
    [InlineData("2015-08", 20150800)]
    [InlineData("2015-08~", 20150800)]
    [InlineData("2016?", 20160000)]
    [InlineData("2015-06/2015-09-02", 20150600)]
    [InlineData("someday", 0)]
    [InlineData(null, 0)]
    public void Dates_become_sortable_numbers_that_keep_their_precision(string? text, int day) =>
        Assert.Equal(day, SearchDocs.Day(text));

    [Fact]
    public void Terms_are_stored_as_their_rank_and_unknown_codes_as_none()
    {
        Assert.Equal(1, SearchDocs.Code(Vocab.Severities, "destroyed"));
        Assert.Equal(Vocab.Severities.Count, SearchDocs.Code(Vocab.Severities, Vocab.Severities[^1].Code));
        Assert.Equal(0, SearchDocs.Code(Vocab.Severities, "no-such-term"));
        Assert.Equal(0, SearchDocs.Code(Vocab.Severities, null));
    }

    [Fact]
    public void Every_vocabulary_fits_the_byte_its_codes_are_kept_in() =>
        Assert.All(SearchFilters.All, filter => Assert.True(filter.Terms.Count < 255, $"{filter.Parameter} has {filter.Terms.Count} terms"));

    [Fact]
    public void The_facets_are_the_filters_in_the_order_doc_search_reads_them() =>
        Assert.Equal(["type", "kind", "sitekind", "cause", "effect", "severity", "certainty", "verification", "sourcekind"],
            SearchFilters.All.Select(f => f.Parameter));
}
