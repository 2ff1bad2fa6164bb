using HeritageRegistry.Citations.Import;

namespace HeritageRegistry.UnitTests.Citations;

public sealed class BibTexReaderTests
{
    [Fact]
    public void A_biblatex_entry_becomes_a_source_with_every_field()
    {
        var file = BibTexReader.Read("""
            % Exported from Zotero
            @article{danti2015,
              title = {Cultural Heritage Destruction in {Syria}: the case of {Palmyra}},
              author = {Danti, Michael D. and Cheikhmous Ali and {ASOR Cultural Heritage Initiatives}},
              journaltitle = {Near Eastern Archaeology},
              date = {2015-12~},
              doi = {10.5615/neareastarch.78.3.0132},
              url = {https://example.org/danti_2015?a=1&b=2},
              urldate = {2026-01-05},
              langid = {english},
              note = {Field notes \& satellite images, 50\% complete},
            }
            """);

        var entry = Assert.Single(file.Entries);
        Assert.Empty(file.Problems);
        Assert.Empty(entry.Problems);
        Assert.Equal("danti2015", entry.Label);
        Assert.Equal("Cultural Heritage Destruction in Syria: the case of Palmyra", entry.Title);
        Assert.Equal("Danti, Michael D.; Ali, Cheikhmous; ASOR Cultural Heritage Initiatives", entry.Authors);
        Assert.Equal("Near Eastern Archaeology", entry.Publisher);
        Assert.Equal("2015-12~", entry.PublishedDate);
        Assert.Equal("10.5615/neareastarch.78.3.0132", entry.Doi);
        Assert.Equal("https://example.org/danti_2015?a=1&b=2", entry.Url);
        Assert.Equal("2026-01-05", entry.AccessedDate);
        Assert.Equal("en", entry.Language);
        Assert.Equal("Field notes & satellite images, 50% complete", entry.Notes);
        Assert.Equal("academic", entry.Kind);
    }

    [Theory]
    [InlineData(@"Kha{\d{l}}id al-As{\'a}d", "Khaḷid al-Asád")]
    [InlineData(@"B{\=a}l{\v{s}}amin \& Nab{\^u}", "Bālšamin & Nabû")]
    [InlineData(@"{\H{o}} \c{c} \v{s} {\i} \'{\i} \ss{} \o", "ő ç š ı í ß ø")]
    [InlineData(@"1914--1918 --- a war~time", "1914–1918 — a war time")]
    [InlineData(@"\textbackslash{} \textasciicircum{} \textasciitilde{} \{ \} \_ \# \$", @"\ ^ ~ { } _ # $")]
    [InlineData(@"\emph{Tadmor} and \textit{Palmyra}", "Tadmor and Palmyra")]
    public void Latex_accents_and_escapes_become_plain_unicode(string latex, string text) =>
        Assert.Equal(text, LatexText.Decode(latex));

    [Fact]
    public void Quoted_values_abbreviations_and_concatenation_are_read()
    {
        var file = BibTexReader.Read("""
            @string{ unesco = "UNESCO World Heritage Centre" }
            @comment{ anything {at all} here }
            @report(whc2016,
              title = "Palmyra " # {after the {ISIL} occupation},
              institution = unesco,
              year = 2016, month = apr, day = {3},
            )
            """);

        var entry = Assert.Single(file.Entries);
        Assert.Empty(entry.Problems);
        Assert.Equal("Palmyra after the ISIL occupation", entry.Title);
        Assert.Equal("UNESCO World Heritage Centre", entry.Publisher);
        Assert.Equal("2016-04-03", entry.PublishedDate);
        Assert.Equal("report", entry.Kind);
    }

    [Fact]
    public void A_broken_entry_is_reported_with_its_line_and_the_entries_after_it_are_still_read()
    {
        var file = BibTexReader.Read("""
            @online{good1, title = {First}, url = {https://example.org/1}}

            @online{broken, title = {Never {closed, url = {https://example.org/2}}

            @online{bad-value, title = nonsense, url = {https://example.org/3}}
            @online{good2, title = {Last}}
            """);

        Assert.Equal(["good1", "broken", "bad-value", "good2"], file.Entries.Select(e => e.Label));
        Assert.Empty(file.Entries[0].Problems);
        Assert.Contains(file.Entries[1].Problems, p => p.Contains("brace opened at line 3 is never closed", StringComparison.Ordinal));
        Assert.Contains(file.Entries[2].Problems, p => p.Contains("'nonsense' is neither a value in braces nor a known @string", StringComparison.Ordinal));
        Assert.Empty(file.Entries[3].Problems);
        Assert.Equal("Last", file.Entries[3].Title);
    }

    [Theory]
    [InlineData("@misc{k, title = {T}, date = {30 August 2015}}", "The date '30 August 2015' is not a date the registry understands")]
    [InlineData("@misc{k, title = {T} url = {https://example.org}}", "expected ',' or '}' after the field 'title'")]
    [InlineData("@misc{k, title = {T}, title = {U}}", "The field 'title' is given twice.")]
    [InlineData("@misc{k title = {T}}", "the entry's key must be followed by a comma")]
    [InlineData("@misc{k, title = {T}", "the entry is never closed")]
    public void Malformed_entries_say_what_is_wrong(string bibtex, string problem)
    {
        var entry = Assert.Single(BibTexReader.Read(bibtex).Entries);

        Assert.Contains(entry.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void An_at_sign_in_the_free_text_between_entries_is_not_an_entry()
    {
        var file = BibTexReader.Read("Contact curator@example.org for corrections.\n@misc{k, title = {T}}");

        Assert.Equal("k", Assert.Single(file.Entries).Label);
    }

    [Fact]
    public void Authors_written_given_name_first_are_turned_round()
    {
        Assert.Equal("Ali, Cheikhmous; Danti, Michael D.", BibTexFields.Authors("Cheikhmous Ali AND Michael D. Danti"));
        Assert.Equal("Centre for Research and Documentation", BibTexFields.Authors("{Centre for Research and Documentation}"));
    }
}
