using HeritageRegistry.Search;

namespace HeritageRegistry.UnitTests.Search;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Blank_input_means_no_text_filter(string? text)
    {
        Assert.Null(FtsQuery.Parse(text));
    }

    [Theory]
    [InlineData("Bel", "\"bel\"*")]
    [InlineData("temple of Bel", "\"temple\"* \"of\"* \"bel\"*")]
    [InlineData("al-Lāt", "\"al lat\"*")]
    [InlineData("مَعْبَد  بعل", "\"معبد\"* \"بعل\"*")]
    public void Each_word_becomes_a_quoted_prefix_phrase_of_folded_words(string text, string match)
    {
        Assert.Equal(match, FtsQuery.Parse(text)!.Match);
    }

    [Theory]
    [InlineData("\"bel", "\"bel\"*")]
    [InlineData("bel AND palmyra", "\"bel\"* \"and\"* \"palmyra\"*")]
    [InlineData("bel OR NOT palmyra", "\"bel\"* \"or\"* \"not\"* \"palmyra\"*")]
    [InlineData("NEAR(bel palmyra, 2)", "\"near bel\"* \"palmyra\"* \"2\"*")]
    [InlineData("title:bel", "\"title bel\"*")]
    [InlineData("{title body}:bel", "\"title\"* \"body bel\"*")]
    [InlineData("bel* ^palmyra", "\"bel\"* \"palmyra\"*")]
    [InlineData("((bel", "\"bel\"*")]
    [InlineData("bel\" OR \"x", "\"bel\"* \"or\"* \"x\"*")]
    [InlineData("- + bel", "\"bel\"*")]
    public void Operators_quotes_and_symbols_never_reach_fts5_as_syntax(string text, string match)
    {
        Assert.Equal(match, FtsQuery.Parse(text)!.Match);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\" \" ^ : ( ) *")]
    [InlineData("--")]
    public void Input_of_only_symbols_is_empty_and_matches_nothing(string text)
    {
        var query = FtsQuery.Parse(text)!;

        Assert.True(query.IsEmpty);
        Assert.Equal("", query.Match);
    }

    [Fact]
    public void A_word_made_of_many_parts_is_refused_with_the_bound_named()
    {
        var refusal = FtsQuery.Refusal(string.Join('-', Enumerable.Repeat("a", 99)));

        Assert.NotNull(refusal);
        Assert.Contains("99 words joined by symbols", refusal, StringComparison.Ordinal);
        Assert.Contains($"at most {FtsQuery.MaxPartsPerWord}", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void More_words_than_the_bound_are_refused_but_words_of_symbols_only_do_not_count()
    {
        var many = string.Join(' ', Enumerable.Repeat("bel", FtsQuery.MaxWords + 1));
        var withSymbols = string.Join(' ', Enumerable.Repeat("bel", FtsQuery.MaxWords)) + " -- & *";

        Assert.Contains($"at most {FtsQuery.MaxWords} words; this one has {FtsQuery.MaxWords + 1}", FtsQuery.Refusal(many), StringComparison.Ordinal);
        Assert.Null(FtsQuery.Refusal(withSymbols));
    }

    [Fact]
    public void Text_longer_than_the_bound_is_refused_before_it_is_read_as_words()
    {
        var refusal = FtsQuery.Refusal(new string('x', FtsQuery.MaxLength + 1));

        Assert.Contains($"{FtsQuery.MaxLength + 1} characters long; a search takes at most {FtsQuery.MaxLength}", refusal, StringComparison.Ordinal);
        Assert.Null(FtsQuery.Refusal(new string('x', FtsQuery.MaxLength)));
    }

    [Theory]
    [InlineData("al-Lāt")]
    [InlineData("PAL-2015-0010 Temple of Bel")]
    [InlineData("https://whc.unesco.org/en/list/23")]
    [InlineData("معبد بعل شمين")]
    [InlineData("")]
    public void Ordinary_searches_are_within_every_bound(string text)
    {
        Assert.Null(FtsQuery.Refusal(text));
    }

    [Fact]
    public void The_match_holds_only_letters_digits_spaces_quotes_and_stars()
    {
        var hostile = "\"'`;--/**/ DROP TABLE site; NEAR(a b) {x}:y ^z a:b OR (c AND NOT d) \u0000 \\ ";

        var match = FtsQuery.Parse(hostile)!.Match;

        Assert.All(match, c => Assert.True(char.IsLetterOrDigit(c) || c is ' ' or '"' or '*', $"'{c}' in {match}"));
        Assert.Matches("^\"[^\"]+\"\\*( \"[^\"]+\"\\*)*$", match);
    }
}
