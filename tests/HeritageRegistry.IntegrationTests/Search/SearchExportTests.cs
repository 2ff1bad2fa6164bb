using System.Globalization;
using CsvHelper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Vocabulary;
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
        Assert.Equal(["type", "reference", "url", "title", "title_ar", "date", "place", "place_slug", "kind", "severity", "cause", "effect", "certainty", "verification",
            "description", "earliest", "latest", "kind_label", "severity_label", "cause_label", "effect_label", "certainty_label", "verification_label",
            "source_references", "source_titles"], rows[0]);
        Assert.Equal(page, rows.Skip(1).Select(row => new Uri(row[2]).AbsolutePath).ToList());
    }

    [Fact]
    public async Task A_report_row_carries_its_description_place_interval_labels_beside_codes_and_cited_sources()
    {
        using var client = registry.CreateClient();
        var api = await client.GetOkJsonAsync("/api/v1/reports/PAL-2015-0011");
        var citations = api.GetProperty("citations").EnumerateArray().Select(c => (Reference: c.Text("source"), Title: c.Text("source_title")))
            .DistinctBy(c => c.Reference).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();

        var rows = Parse(await client.GetByteArrayAsync("/search.csv?q=baalshamin&type=report"));
        var header = rows[0].ToList();
        var row = rows.Single(r => r[1] == "PAL-2015-0011");
        string Cell(string column) => row[header.IndexOf(column)];

        Assert.Equal(api.Text("description"), Cell("description"));
        Assert.Equal(("temple-of-baalshamin", "Temple of Baalshamin"), (Cell("place_slug"), Cell("place")));
        Assert.Equal((api.Text("event_earliest"), api.Text("event_latest")), (Cell("earliest"), Cell("latest")));
        Assert.Equal(("destroyed", "Destroyed"), (Cell("severity"), Cell("severity_label")));
        Assert.Equal((api.Text("cause"), Vocab.Causes.Label(api.Text("cause"))), (Cell("cause"), Cell("cause_label")));
        Assert.Equal((api.Text("effect"), Vocab.Effects.Label(api.Text("effect"))), (Cell("effect"), Cell("effect_label")));
        Assert.Equal((api.Text("certainty"), Vocab.Certainties.Label(api.Text("certainty"))), (Cell("certainty"), Cell("certainty_label")));
        Assert.Equal((api.Text("verification"), Vocab.Verifications.Label(api.Text("verification"))), (Cell("verification"), Cell("verification_label")));
        Assert.Equal(Vocab.ReportKinds.Label(api.Text("kind")), Cell("kind_label"));
        Assert.NotEqual(Cell("cause"), Cell("cause_label"));
        Assert.Contains("S14", citations.Select(c => c.Reference));
        Assert.Equal(string.Join("; ", citations.Select(c => c.Reference)), Cell("source_references"));
        Assert.Equal(string.Join(" | ", citations.Select(c => c.Title)), Cell("source_titles"));
    }

    [Fact]
    public async Task A_source_row_leaves_the_report_columns_empty_and_labels_its_kind()
    {
        using var client = registry.CreateClient();

        var rows = Parse(await client.GetByteArrayAsync("/search.csv?type=source&sourcekind=official-statement"));
        var header = rows[0].ToList();
        var row = rows.Single(r => r[1] == "S14");

        Assert.Equal("Official statement", row[header.IndexOf("kind_label")]);
        Assert.All(["description", "earliest", "latest", "severity_label", "source_references"], column => Assert.Equal("", row[header.IndexOf(column)]));
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

    internal static List<string[]> Parse(byte[] bytes)
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
