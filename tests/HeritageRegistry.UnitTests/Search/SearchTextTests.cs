using HeritageRegistry.Search;

namespace HeritageRegistry.UnitTests.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Lāt", "lat")]
    [InlineData("Baalšamin", "baalshamin")]
    [InlineData("Qalʿat Ibn Maʿn, Ġassān, ḪALED", "qalat ibn man, ghassan, khaled")]
    [InlineData("Temple of Al-Lāt", "temple of al-lat")]
    [InlineData("ÉLAHBEL", "elahbel")]
    [InlineData("Straße Łódź Æ", "strasse lodz ae")]
    [InlineData("Bene'a Bene’a Baʿal", "benea benea baal")]
    [InlineData("ﬁre", "fire")]
    [InlineData("La\u0304t", "lat")]
    public void Latin_diacritics_case_and_apostrophes_are_folded(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }

    [Theory]
    [InlineData("تَدْمُر", "تدمر")]            // harakat
    [InlineData("تـــدمر", "تدمر")]            // tatweel
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آثار", "اثار")]
    [InlineData("ٱسم", "اسم")]                 // alef wasla
    [InlineData("مستشفى", "مستشفي")]           // ى → ي
    [InlineData("قلعة", "قلعه")]               // ة → ه
    [InlineData("الرَّحْمٰن", "رحمن")]           // shadda, sukun, superscript alef; the article
    [InlineData("٢٠١٥", "2015")]
    public void Arabic_is_normalised(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }

    [Fact]
    public void Hamza_on_waw_and_yeh_is_kept_because_only_alef_forms_are_unified()
    {
        Assert.Equal("مسؤول سائل", SearchText.Fold("مسؤول سائل"));
    }

    [Fact]
    public void Each_folded_character_knows_where_it_came_from()
    {
        var folded = SearchText.FoldWithOrigins("Al-Lāt بَعل");

        Assert.Equal("al-lat بعل", folded.Text);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11], folded.Origins);
    }

    [Fact]
    public void Words_are_runs_of_letters_and_digits()
    {
        var folded = SearchText.Fold("Tower 13 (Kubbet el-'Arus), معبد بعل");

        var words = SearchText.Words(folded).Select(range => folded[range]);

        Assert.Equal(["tower", "13", "kubbet", "el", "arus", "معبد", "بعل"], words);
    }

    [Theory]
    [InlineData("المعبد")]
    [InlineData("ال معبد")]
    [InlineData("معبد")]
    [InlineData("ٱلمَعْبَد")]
    public void The_arabic_article_is_dropped_whether_joined_to_the_word_or_written_apart(string text)
    {
        var folded = SearchText.Fold(text);

        Assert.Equal(["معبد"], SearchText.Words(folded).Select(range => folded[range]));
    }

    [Theory]
    [InlineData("الا")]       // ال and one letter is a word of its own (illā), not an article
    [InlineData("al-Lat")]    // a Latin article is a word of the name
    public void Short_words_and_latin_articles_are_kept(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), SearchText.Fold(text));
    }

    [Fact]
    public void A_word_that_lost_its_article_still_maps_back_to_the_whole_word_as_written()
    {
        var folded = SearchText.FoldWithOrigins("في المعبد");

        Assert.Equal("في معبد", folded.Text);
        Assert.Equal([0, 1, 2, 3, 6, 7, 8, 9], folded.Origins);
    }

    [Fact]
    public void Names_also_hold_their_adjacent_arabic_words_written_together()
    {
        var folded = SearchText.FoldNames("Temple of Baalshamin\nمعبد بعل شمين");
        var words = SearchText.Words(folded).Select(range => folded[range]).ToList();

        Assert.Contains("بعلشمين", words);
        Assert.Contains("معبدبعل", words);
        Assert.Contains("شمين", words);
        Assert.DoesNotContain("templeof", words);
    }

    [Fact]
    public void A_compound_with_the_article_inside_is_joined_as_a_query_typing_it_folds()
    {
        var folded = SearchText.FoldNames("مسجد عبد الله");

        Assert.Contains(SearchText.Fold("عبدالله"), SearchText.Words(folded).Select(range => folded[range]));
        Assert.Contains(SearchText.Fold("الله"), SearchText.Words(folded).Select(range => folded[range]));
    }

    [Fact]
    public void Names_without_arabic_fold_as_any_text()
    {
        Assert.Equal(SearchText.Fold("Baal Shamin\nBaal-Shamin"), SearchText.FoldNames("Baal Shamin\nBaal-Shamin"));
    }
}
