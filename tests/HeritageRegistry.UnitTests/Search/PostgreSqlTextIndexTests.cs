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

    [Fact]
    public void Each_distinct_word_is_counted_in_the_title_and_in_the_body_and_an_over_long_word_is_left_out_as_the_vector_leaves_it()
    {
        var tooLong = new string('a', 2047);
        var counts = PostgreSqlTextIndex.WordCounts(SearchText.Fold("Temple of Bel, temple"), SearchText.Fold($"the temple of Bel {tooLong}"));

        Assert.Equal((2, 1), counts["temple"]);
        Assert.Equal((1, 1), counts["bel"]);
        Assert.Equal((0, 1), counts["the"]);
        Assert.DoesNotContain(tooLong, counts.Keys);
    }

    [Theory]
    [InlineData("temple")]
    [InlineData("tem")]
    [InlineData("bel temple")]
    [InlineData("palmyra")]
    public void A_records_word_counts_give_the_score_its_text_gives(string query)
    {
        // search_word's counts, summed over the words a typed word begins, must rank as the text itself does.
        var words = FtsQuery.Parse(query)!;
        var (title, body) = (SearchText.Fold("Temple of Bel, Temples"), SearchText.Fold("the temple of Bel in Palmyra was destroyed; Bel's cella stood"));
        var idfs = words.Phrases.Select((_, i) => Bm25.Idf(rows: 1000, hits: 10 + i)).ToList();
        var counts = PostgreSqlTextIndex.WordCounts(title, body);
        var length = SearchText.Words(title).Count + SearchText.Words(body).Count;

        var fromCounts = -words.Phrases.Select((phrase, i) => Bm25.Term(idfs[i], averageWords: 12, length,
            counts.Where(c => c.Key.StartsWith(phrase[0], StringComparison.Ordinal)).Sum(c => c.Value.InTitle),
            counts.Where(c => c.Key.StartsWith(phrase[0], StringComparison.Ordinal)).Sum(c => c.Value.InBody))).Sum();

        Assert.Equal(Bm25.Score(words, idfs, averageWords: 12, title, body), fromCounts, precision: 12);
        Assert.NotEqual(0.0, fromCounts);
    }
}
