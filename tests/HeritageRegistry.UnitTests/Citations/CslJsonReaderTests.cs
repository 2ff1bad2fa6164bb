using HeritageRegistry.Citations.Import;

namespace HeritageRegistry.UnitTests.Citations;

public sealed class CslJsonReaderTests
{
    [Fact]
    public void A_csl_item_becomes_a_source_with_every_field()
    {
        var file = CslJsonReader.Read("""
            [{
              "id": "unosat-2015", "type": "report", "genre": "Satellite analysis",
              "title": "Satellite imagery shows the Temple of Bel destroyed",
              "author": [{ "literal": "UNITAR-UNOSAT" }, { "family": "Bitar", "given": "Lina" }],
              "publisher": "UNITAR", "issued": { "date-parts": [[2015, 8, 31]], "circa": true },
              "accessed": { "date-parts": [[2026, 1, 5]] }, "URL": "https://unosat.org/bel", "DOI": "10.1000/abc",
              "language": "ar", "note": "ملاحظة"
            }]
            """);

        var entry = Assert.Single(file.Entries);
        Assert.Empty(entry.Problems);
        Assert.Equal("unosat-2015", entry.Label);
        Assert.Equal("satellite-analysis", entry.Kind);
        Assert.Equal("UNITAR-UNOSAT; Bitar, Lina", entry.Authors);
        Assert.Equal("2015-08-31~", entry.PublishedDate);
        Assert.Equal("2026-01-05", entry.AccessedDate);
        Assert.Equal("ar", entry.Language);
        Assert.Equal("ملاحظة", entry.Notes);
    }

    [Fact]
    public void Two_date_parts_are_an_interval()
    {
        var entry = Assert.Single(CslJsonReader.Read("""{ "title": "T", "issued": { "date-parts": [[2015, 6], [2015, 9, 2]] } }""").Entries);

        Assert.Equal("2015-06/2015-09-02", entry.PublishedDate);
    }

    [Fact]
    public void Json_that_does_not_parse_is_one_problem_with_its_line()
    {
        var file = CslJsonReader.Read("[\n  { \"title\": \"T\" },\n  { \"title\": }\n]");

        Assert.Empty(file.Entries);
        Assert.StartsWith("The file is not valid JSON (line 3", Assert.Single(file.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Items_of_the_wrong_shape_are_problems_of_those_items_only()
    {
        var file = CslJsonReader.Read("""
            [ { "title": "Fine" }, "just text", { "title": ["a", "list"] }, { "title": "T", "issued": { "date-parts": [["x"]] } },
              { "title": "T", "author": [{ "given": "Only" }] } ]
            """);

        Assert.Equal(5, file.Entries.Count);
        Assert.Empty(file.Entries[0].Problems);
        Assert.Contains("not an object", Assert.Single(file.Entries[1].Problems), StringComparison.Ordinal);
        Assert.Contains("'title' should be text", Assert.Single(file.Entries[2].Problems), StringComparison.Ordinal);
        Assert.Contains("not [year, month, day] whole numbers", Assert.Single(file.Entries[3].Problems), StringComparison.Ordinal);
        Assert.Contains("neither a family name nor a literal", Assert.Single(file.Entries[4].Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[2015.5]]")]
    [InlineData("[[2015, 8.25]]")]
    [InlineData("[[1e10]]")]
    [InlineData("[[\"2015.5\"]]")]
    public void Date_parts_that_are_not_whole_numbers_are_a_problem_of_the_entry(string parts)
    {
        var entry = Assert.Single(CslJsonReader.Read($$"""{ "title": "T", "issued": { "date-parts": {{parts}} } }""").Entries);

        Assert.Null(entry.PublishedDate);
        Assert.Contains("not [year, month, day] whole numbers", Assert.Single(entry.Problems), StringComparison.Ordinal);
    }
}
