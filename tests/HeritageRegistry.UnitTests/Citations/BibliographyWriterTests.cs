using HeritageRegistry.Citations;
using HeritageRegistry.Data;

namespace HeritageRegistry.UnitTests.Citations;

/// <summary>What common reference managers need from the BibLaTeX and RIS the registry writes.</summary>
public sealed class BibliographyWriterTests
{
    [Theory]
    [InlineData("2015-08-23", "2015")]
    [InlineData("2015-08", "2015")]
    [InlineData("2015-08-25~", "2015")]
    [InlineData("2015-06/2015-09-02", "2015")]
    public void BibLaTeX_has_a_year_beside_the_date_when_the_year_is_known(string date, string year)
    {
        var bib = BibTex.Write([Source(date)]);

        Assert.Contains($"date = {{{date}}},", bib, StringComparison.Ordinal);
        Assert.Contains($"year = {{{year}}},", bib, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2016?")]
    [InlineData("2015-11/2016-02")]
    [InlineData(null)]
    public void BibLaTeX_has_no_year_when_the_year_is_uncertain_or_spans_two(string? date)
    {
        Assert.DoesNotContain("year =", BibTex.Write([Source(date)]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Directorate-General of Antiquities and Museums", "{{Directorate-General of Antiquities and Museums}}")]
    [InlineData("UNITAR-UNOSAT; UNESCO", "{{UNITAR-UNOSAT} and {UNESCO}}")]
    [InlineData("EAMENA project", "{{EAMENA project}}")]
    [InlineData("WorldTribune Staff", "{{WorldTribune Staff}}")]
    [InlineData("Syrian Observatory", "{{Syrian Observatory}}")]
    [InlineData("Danti, M.D.; Van Gessel, E.", "{Danti, M.D. and Van Gessel, E.}")]
    [InlineData("Irina Bokova", "{Bokova, Irina}")]
    [InlineData("Michael D. Danti, Cheikhmous Ali, Erin Van Gessel", "{Danti, Michael D. and Ali, Cheikhmous and Gessel, Erin Van}")]
    [InlineData("Danti, M.D.; DGAM", "{Danti, M.D. and {DGAM}}")]
    [InlineData("الأسعد، خالد", "{{الأسعد، خالد}}")]
    public void BibLaTeX_braces_a_corporate_author_whole_and_writes_people_family_name_first(string authors, string written)
    {
        var bib = BibTex.Write([Source("2015", authors)]);

        Assert.Contains($"author = {written},", bib, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2015-08-23", "PY  - 2015/08/23/", "DA  - 2015/08/23/2015-08-23")]
    [InlineData("2015-08", "PY  - 2015/08//", "DA  - 2015/08//2015-08")]
    [InlineData("2016?", "PY  - 2016///", "DA  - 2016///2016?")]
    public void RIS_carries_the_full_date_in_PY_and_the_exact_date_in_DA(string date, string py, string da)
    {
        var lines = Ris.Write([Source(date)]).Split("\r\n");

        Assert.Contains(py, lines);
        Assert.Contains(da, lines);
    }

    [Fact]
    public void RIS_and_CSL_JSON_read_the_same_people_and_organisations()
    {
        SourceDetail[] sources = [Source("2017-01-20", "Irina Bokova; Directorate-General of Antiquities and Museums")];

        var ris = Ris.Write(sources).Split("\r\n");
        var json = CslJson.Write(sources);

        Assert.Contains("AU  - Bokova, Irina", ris);
        Assert.Contains("AU  - Directorate-General of Antiquities and Museums", ris);
        Assert.Contains("\"family\": \"Bokova\"", json, StringComparison.Ordinal);
        Assert.Contains("\"literal\": \"Directorate-General of Antiquities and Museums\"", json, StringComparison.Ordinal);
    }

    private static SourceDetail Source(string? date, string? authors = null) =>
        new() { Reference = "S01", Kind = "official-statement", Title = "Statement", Authors = authors, PublishedDate = date };
}
