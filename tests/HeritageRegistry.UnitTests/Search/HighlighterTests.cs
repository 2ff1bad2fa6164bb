using HeritageRegistry.Search;

namespace HeritageRegistry.UnitTests.Search;

public sealed class HighlighterTests
{
    [Fact]
    public void Matches_are_marked_in_the_original_spelling()
    {
        var text = Highlighter.Mark(FtsQuery.Parse("lat"), "Temple of Al-Lāt");

        Assert.Equal("Temple of Al-<mark>Lāt</mark>", text.Html);
    }

    [Fact]
    public void Arabic_with_harakat_is_marked_where_it_is_written()
    {
        var text = Highlighter.Mark(FtsQuery.Parse("بعل"), "مَعْبَد بَعْل شمين");

        Assert.Equal("مَعْبَد <mark>بَعْل</mark> شمين", text.Html);
        Assert.Equal("ar", text.Lang);
    }

    [Fact]
    public void Alef_variants_in_the_query_find_the_written_form()
    {
        var text = Highlighter.Mark(FtsQuery.Parse("الاغورا"), "الآغورا");

        Assert.Equal("<mark>الآغورا</mark>", text.Html);
    }

    [Fact]
    public void A_query_without_the_article_marks_the_word_with_it_as_written()
    {
        Assert.Equal("في <mark>المَعبد</mark>", Highlighter.Mark(FtsQuery.Parse("ال معبد"), "في المَعبد").Html);
    }

    [Fact]
    public void A_prefix_marks_the_whole_word_and_phrases_mark_adjacent_words_only()
    {
        Assert.Equal("Temple of <mark>Baalshamin</mark>", Highlighter.Mark(FtsQuery.Parse("baal"), "Temple of Baalshamin").Html);
        Assert.Equal("<mark>al-Lat</mark> and al then Lat",
            Highlighter.Mark(FtsQuery.Parse("al-lat"), "al-Lat and al then Lat").Html);
    }

    [Fact]
    public void Everything_is_html_encoded_and_only_mark_is_added()
    {
        var text = Highlighter.Mark(FtsQuery.Parse("script"), "<script>alert('x')</script> & \"q\"");

        Assert.Equal("&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; &quot;q&quot;", text.Html);
    }

    [Fact]
    public void A_snippet_comes_from_the_first_field_with_a_match_and_centres_on_it()
    {
        var longText = string.Join(' ', Enumerable.Repeat("filler", 60)) + " the cella of Bel was blown up " + string.Join(' ', Enumerable.Repeat("more", 60));

        var snippet = Highlighter.Snippet(FtsQuery.Parse("cella"), "no match here", longText)!;

        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.True(snippet.Text.Length <= Highlighter.SnippetLength + 2);
        Assert.Contains("<mark>cella</mark> of Bel", snippet.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_start_of_the_first_field()
    {
        var snippet = Highlighter.Snippet(null, null, "  ", "A summary\nover two lines.")!;

        Assert.Equal("A summary over two lines.", snippet.Text);
        Assert.Empty(snippet.Marks);
        Assert.Null(Highlighter.Snippet(null, null, ""));
    }
}
