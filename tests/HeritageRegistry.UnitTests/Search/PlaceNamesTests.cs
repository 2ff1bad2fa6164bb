using HeritageRegistry.Search;

namespace HeritageRegistry.UnitTests.Search;

public sealed class PlaceNamesTests
{
    private static readonly PlaceNames Names = new(
    [
        new SearchPlace { Id = 1, Slug = "palmyra", NameEn = "Palmyra", NameAr = "تدمر", OtherNames = "Site of Palmyra\nTadmor" },
        new SearchPlace { Id = 2, Slug = "palmyra-museum", NameEn = "Palmyra Museum", NameAr = "متحف تدمر" },
        new SearchPlace { Id = 3, Slug = "temple-of-bel", NameEn = "Temple of Bel", NameAr = "معبد بعل", OtherNames = "Sanctuary of Bel\nمعبد بل" },
        new SearchPlace { Id = 4, Slug = "bel-cella", NameEn = "Cella of the Temple of Bel" },
        new SearchPlace { Id = 5, Slug = "temple-of-baalshamin", NameEn = "Temple of Baalshamin", NameAr = "معبد بعل شمين", OtherNames = "Baal Shamin" },
        new SearchPlace { Id = 6, Slug = "tower-tomb-of-hairan-belshuri", NameEn = "Tower Tomb of Hairan Belshuri" },
    ]);

    private static double Score(string query, long place) => Names.Score(FtsQuery.Parse(query)!, place);

    [Fact]
    public void A_query_that_is_a_whole_name_scores_highest()
    {
        Assert.Equal(1.0, Score("palmyra", 1));
        Assert.Equal(0.5, Score("palmyra", 2));
        Assert.Equal(1.0, Score("تدمر", 1));
        Assert.Equal(1.0, Score("معبد بل", 3));
        Assert.Equal(1.0, Score("temple of bel", 3));
    }

    [Fact]
    public void The_place_whose_name_the_query_is_more_of_scores_higher()
    {
        Assert.True(Score("bel", 3) > Score("bel", 4));
        Assert.True(Score("temple of bel", 3) > Score("temple of bel", 4));
    }

    [Fact]
    public void A_word_being_typed_or_a_word_outside_the_name_scores_nothing()
    {
        Assert.Equal(0, Score("bel", 6));           // only a prefix of Belshuri
        Assert.Equal(0, Score("palm", 1));
        Assert.Equal(0, Score("palmyra destroyed", 1));
        Assert.Equal(0, Score("palmyra", 99));      // not a public place
    }

    [Fact]
    public void An_arabic_compound_written_together_covers_both_words_of_the_name()
    {
        Assert.Equal(2.0 / 3, Score("بعلشمين", 5), 6);
        Assert.Equal(2.0 / 3, Score("بعل شمين", 5), 6);
    }

    [Theory]
    [InlineData("Balshamin", "Baalshamin")]
    [InlineData("Palmira", "Palmyra")]
    [InlineData("palmira", "Palmyra")]
    [InlineData("temple of balshamin", "temple of Baalshamin")]
    [InlineData("تدمور", "تدمر")]
    [InlineData("Tadmro", "Tadmor")]                 // two letters swapped is one edit
    public void A_misspelt_word_is_corrected_to_the_nearest_name_word_as_written(string typed, string suggested)
    {
        Assert.Equal(suggested, Names.Spelling.Suggest(typed));
    }

    [Theory]
    [InlineData("Palmyra")]           // already a name word
    [InlineData("Bal")]               // too short to guess
    [InlineData("Zenobia")]           // nothing close
    [InlineData("")]
    public void No_suggestion_when_nothing_is_misspelt_or_nothing_is_close(string typed)
    {
        Assert.Null(Names.Spelling.Suggest(typed));
    }

    [Theory]
    [InlineData("palmira", "palmyra", 1)]
    [InlineData("balshamin", "baalshamin", 1)]
    [InlineData("tadmro", "tadmor", 1)]
    [InlineData("bel", "baal", 2)]
    [InlineData("", "bel", 3)]
    public void Distance_counts_insertions_deletions_changes_and_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, Spelling.Distance(a, b));
        Assert.Equal(distance, Spelling.Distance(b, a));
    }
}
