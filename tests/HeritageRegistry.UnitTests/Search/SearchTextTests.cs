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
    [InlineData("ٱلله", "الله")]
    [InlineData("مستشفى", "مستشفي")]           // ى → ي
    [InlineData("قلعة", "قلعه")]               // ة → ه
    [InlineData("الرَّحْمٰن", "الرحمن")]         // shadda, sukun, superscript alef
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
}
