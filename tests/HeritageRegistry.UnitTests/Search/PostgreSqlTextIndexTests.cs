using HeritageRegistry.Search;
using HeritageRegistry.Search.FullText;

namespace HeritageRegistry.UnitTests.Search;

/// <summary>PostgreSQL's index is written word by word from the folded text, so it holds the words FTS5 holds.</summary>
public sealed class PostgreSqlTextIndexTests
{
    [Fact]
    public void A_typed_word_of_several_parts_becomes_a_phrase_whose_last_part_is_a_prefix()
    {
        Assert.Equal("('al' <-> 'lat':*) & ('near':*)", PostgreSqlTextIndex.Query(FtsQuery.Parse("al-Lāt \"NEAR(")!));
    }

    [Fact]
    public void Title_words_are_weighted_and_the_body_starts_after_a_gap_so_no_phrase_spans_the_two()
    {
        Assert.Equal("'temple':1A 'of':2A 'bel':3A 'pal':5 '2015':6 '0010':7 ",
            PostgreSqlTextIndex.Vector(SearchText.Fold("Temple of Bel"), SearchText.Fold("PAL-2015-0010")));
    }

    [Fact]
    public void Arabic_words_are_folded_before_they_are_written()
    {
        Assert.Equal("'معبد':1A 'بعل':2A ", PostgreSqlTextIndex.Vector(SearchText.Fold("مَعْبَد بَعل"), ""));
    }

    [Fact]
    public void Bm25_ranks_a_word_in_the_title_above_the_same_word_in_the_body()
    {
        var words = FtsQuery.Parse("bel")!;
        double[] idf = [Bm25.Idf(rows: 100, hits: 5)];

        var inTitle = Bm25.Score(words, idf, averageWords: 10, SearchText.Fold("Temple of Bel"), SearchText.Fold("a temple in Palmyra"));
        var inBody = Bm25.Score(words, idf, averageWords: 10, SearchText.Fold("Temple of Baal"), SearchText.Fold("a temple to Bel in Palmyra"));

        Assert.True(inTitle < inBody, $"{inTitle} ranks before {inBody}");
        Assert.Equal(0.0, Bm25.Score(words, idf, averageWords: 10, SearchText.Fold("Theatre"), SearchText.Fold("Roman")));
    }
}
