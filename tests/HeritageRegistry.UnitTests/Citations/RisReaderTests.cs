using HeritageRegistry.Citations.Import;

namespace HeritageRegistry.UnitTests.Citations;

public sealed class RisReaderTests
{
    [Fact]
    public void A_ris_record_becomes_a_source_with_every_field()
    {
        var file = RisReader.Read("""
            TY  - NEWS
            ID  - guardian-bel
            TI  - Isis destroys Temple of Bel in Palmyra
            AU  - Shaheen, Kareem
            AU  - Graham-Harrison, Emma
            PB  - The Guardian
            DA  - 2015/08/31/
            DO  - https://doi.org/10.1000/XYZ-123
            UR  - https://www.theguardian.com/world/2015/aug/31/isis-temple-of-bel
            Y2  - 2026/01/05
            LA  - en
            N1  - A first report, later confirmed
              by satellite images.
            ER  - 
            """);

        var entry = Assert.Single(file.Entries);
        Assert.Empty(file.Problems);
        Assert.Empty(entry.Problems);
        Assert.Equal("guardian-bel", entry.Label);
        Assert.Equal("news", entry.Kind);
        Assert.Equal("Isis destroys Temple of Bel in Palmyra", entry.Title);
        Assert.Equal("Shaheen, Kareem; Graham-Harrison, Emma", entry.Authors);
        Assert.Equal("The Guardian", entry.Publisher);
        Assert.Equal("2015-08-31", entry.PublishedDate);
        Assert.Equal("https://doi.org/10.1000/XYZ-123", entry.Doi);
        Assert.Equal("2026-01-05", entry.AccessedDate);
        Assert.Equal("A first report, later confirmed by satellite images.", entry.Notes);
    }

    [Theory]
    [InlineData("PY  - 2016", "2016")]
    [InlineData("DA  - 2016/03//", "2016-03")]
    [InlineData("DA  - 2016/03/27/2016-03-24/2016-03-27", "2016-03-24/2016-03-27")]
    [InlineData("DA  - 2015-08-25~", "2015-08-25~")]
    public void Dates_keep_the_precision_they_were_given(string line, string edtf)
    {
        var entry = Assert.Single(RisReader.Read($"TY  - RPRT\nTI  - T\n{line}\nER  - \n").Entries);

        Assert.Empty(entry.Problems);
        Assert.Equal(edtf, entry.PublishedDate);
    }

    [Fact]
    public void An_entry_left_open_and_fields_outside_entries_are_problems()
    {
        var file = RisReader.Read("""
            TI  - Stray title
            TY  - RPRT
            TI  - Closed properly
            ER  - 
            TY  - RPRT
            TI  - Never closed
            TY  - JOUR
            TI  - Last
            DA  - someday
            """);

        Assert.Contains(file.Problems, p => p.StartsWith("Line 1: the field TI comes before any 'TY", StringComparison.Ordinal));
        Assert.Equal(3, file.Entries.Count);
        Assert.Empty(file.Entries[0].Problems);
        Assert.Contains(file.Entries[1].Problems, p => p.Contains("a new entry starts before this one ends", StringComparison.Ordinal));
        Assert.Contains(file.Entries[2].Problems, p => p.Contains("The file ends before this entry's closing", StringComparison.Ordinal));
        Assert.Contains(file.Entries[2].Problems, p => p.Contains("'someday' is not a date", StringComparison.Ordinal));
    }
}
