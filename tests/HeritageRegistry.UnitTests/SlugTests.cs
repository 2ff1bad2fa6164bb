using HeritageRegistry.Text;

namespace HeritageRegistry.UnitTests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Temple of Bel", "temple-of-bel")]
    [InlineData("Lion of al-Lāt", "lion-of-al-lat")]
    [InlineData("Café Zénobie", "cafe-zenobie")]
    [InlineData("Tower tomb of Elahbel", "tower-tomb-of-elahbel")]
    [InlineData("Tomb of Bene'a", "tomb-of-benea")]
    [InlineData("Tomb of Bene’a", "tomb-of-benea")]
    [InlineData("Baʿal Shamin", "baal-shamin")]
    [InlineData("  Arch -- of   Triumph!  ", "arch-of-triumph")]
    [InlineData("Tetrapylon (3rd c. AD)", "tetrapylon-3rd-c-ad")]
    [InlineData("Æsir Straße Łódź", "aesir-strasse-lodz")]
    [InlineData("Temple of Bel معبد بل", "temple-of-bel")]
    [InlineData("Tomb 36", "tomb-36")]
    public void From_makes_a_lower_case_ascii_slug(string text, string slug)
    {
        Assert.Equal(slug, Slug.From(text));
    }

    [Theory]
    [InlineData("معبد بل")]
    [InlineData("!!! ---")]
    [InlineData("")]
    public void Text_with_no_latin_letter_or_digit_gives_an_empty_slug(string text)
    {
        Assert.Equal("", Slug.From(text));
    }

    [Fact]
    public void A_long_slug_is_cut_at_a_word_boundary()
    {
        var text = string.Join(' ', Enumerable.Repeat("palmyra", 20));

        var slug = Slug.From(text);

        // Ten words of seven letters and nine dashes make 79 characters; an eleventh would pass 80.
        Assert.Equal(string.Join('-', Enumerable.Repeat("palmyra", 10)), slug);
    }

    [Fact]
    public void A_word_that_ends_exactly_at_the_limit_is_kept()
    {
        var text = new string('a', 78) + " b c";

        Assert.Equal(new string('a', 78) + "-b", Slug.From(text));
    }

    [Fact]
    public void A_single_word_longer_than_the_limit_is_cut_at_the_limit()
    {
        Assert.Equal(new string('x', Slug.MaxLength), Slug.From(new string('x', 100)));
    }

    [Theory]
    [InlineData("temple-of-bel", true)]
    [InlineData("1-10", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("Temple-of-bel", false)]
    [InlineData("temple--of-bel", false)]
    [InlineData("-temple", false)]
    [InlineData("temple-", false)]
    [InlineData("temple of bel", false)]
    [InlineData("lāt", false)]
    [InlineData("temple-of-bel\n", false)]
    public void IsValid_accepts_only_the_slug_form(string slug, bool valid)
    {
        Assert.Equal(valid, Slug.IsValid(slug));
    }

    [Fact]
    public void IsValid_rejects_a_slug_longer_than_the_limit()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }

    [Theory]
    [InlineData("Temple of Bel")]
    [InlineData("Lion of al-Lāt")]
    [InlineData("  --Tomb of Bene'a (Valley of the Tombs), 2nd c.--  ")]
    public void Every_non_empty_slug_is_valid(string text)
    {
        Assert.True(Slug.IsValid(Slug.From(text)));
    }
}
