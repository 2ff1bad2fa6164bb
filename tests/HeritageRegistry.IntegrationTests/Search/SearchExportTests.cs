using System.Globalization;
using CsvHelper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>/search.csv: the same results as the page, safe to open in a spreadsheet.</summary>
public sealed class SearchExportTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_a_header_and_has_one_row_per_result()
    {
        using var client = registry.CreateClient();

        var response = await client.GetAsync("/search.csv?q=temple&sort=oldest");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = Parse(bytes);
        var page = await client.HitsAsync("q=temple&sort=oldest");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("search-results.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["type", "reference", "url", "title", "title_ar", "date", "place", "place_slug", "kind", "severity", "cause", "effect", "certainty", "verification"], rows[0]);
        Assert.Equal(page, rows.Skip(1).Select(row => new Uri(row[2]).AbsolutePath).ToList());
    }

    [Fact]
    public async Task Arabic_names_arrive_intact()
    {
        using var client = registry.CreateClient();

        var rows = Parse(await client.GetByteArrayAsync($"/search.csv?q={Uri.EscapeDataString("معبد بعل")}&type=site"));

        Assert.Contains(rows, row => row[1] == "temple-of-bel" && row[4] == "معبد بعل");
    }

    [Fact]
    public async Task Quotes_commas_newlines_and_formula_characters_are_escaped()
    {
        using var client = registry.CreateClient();
        var editor = registry.Factory.Services.GetRequiredService<RecordEditor>();
        string[] titles = ["=HYPERLINK(\"http://example.org\",\"csvprobe\")", "+csvprobe, plus", "-2+3 csvprobe", "@SUM(1) csvprobe", "Line one csvprobe\nline \"two\""];
        for (var i = 0; i < titles.Length; i++)
        {
            var created = await editor.CreateAsync(RecordType.Source, new Dictionary<string, object?>
            {
                ["reference"] = $"S95{i}", ["kind"] = "news", ["title"] = titles[i],
            }, null, null, CancellationToken.None);
            await editor.SetPublishedAsync(RecordType.Source, created.Id, 1, true, null, CancellationToken.None);
        }

        var bytes = await client.GetByteArrayAsync("/search.csv?q=csvprobe&sort=oldest");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var parsed = Parse(bytes).Skip(1).ToDictionary(row => row[1], row => row[3]);

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"csvprobe\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal("'=HYPERLINK(\"http://example.org\",\"csvprobe\")", parsed["S950"]);
        Assert.Equal("'+csvprobe, plus", parsed["S951"]);
        Assert.Equal("'-2+3 csvprobe", parsed["S952"]);
        Assert.Equal("'@SUM(1) csvprobe", parsed["S953"]);
        Assert.Equal("Line one csvprobe\nline \"two\"", parsed["S954"]);
    }

    private static List<string[]> Parse(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }
        return rows;
    }
}
