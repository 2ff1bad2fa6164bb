using System.Net;
using System.Text;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using static HeritageRegistry.IntegrationTests.Curate.ImportUploads;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>
/// Damaged and hostile spreadsheets (flipped bytes, cut-off files, stray quotes, control characters, huge cells,
/// formulas) through the real dry run: every answer is a page (200) or a refusal with a message (400), never a
/// server error, and nothing is written.
/// </summary>
public sealed class ImportFuzzTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private static readonly string[] HostileCells =
    [
        "\"", "\"\"\"", "a\u0000b", "\u001b[2J", new string('x', 30_000), "=HYPERLINK(\"http://evil\")", "' OR 1=1 --", "\u202Egnp.exe",
        "2015-13-45", "S01;S01;S01", "../../etc/passwd", "NaN", "1e309", "-0", "temple-of-bel\r\nsecond line", "🏛️",
    ];

    [Fact]
    public async Task No_damaged_or_hostile_spreadsheet_gets_a_server_error_or_writes_anything()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var counts = await registry.Factory.ScalarAsync("SELECT (SELECT COUNT(*) FROM damage_report) + (SELECT COUNT(*) FROM site) + (SELECT COUNT(*) FROM revision)");
        var random = new Random(15);
        var good = Csv(ReportHeader, "temple-of-bel,damage,Fuzz,2016,destroyed,verified-field,S01");
        var workbook = Xlsx([new() { ["place"] = "temple-of-bel", ["kind"] = "damage", ["title"] = "Fuzz", ["event_date"] = "2016", ["verification"] = "verified-field", ["sources"] = "S01" }]);
        var files = new List<byte[]>();
        foreach (var cell in HostileCells)
        {
            var quoted = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            files.Add(Csv(ReportHeader, $"{quoted},{quoted},{quoted},{quoted},{quoted},{quoted},{quoted}"));
            files.Add(Encoding.UTF8.GetBytes(ReportHeader + "\n" + cell + "," + cell));
        }
        for (var i = 0; i < 12; i++)
        {
            files.Add(Flipped(good, random));
            files.Add(Flipped(workbook, random));
            files.Add(workbook[..random.Next(1, workbook.Length)]);
        }

        foreach (var file in files)
        {
            var (response, _) = await curator.DryRunAsync(file, "fuzz.csv");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        }
        Assert.Equal(counts, await registry.Factory.ScalarAsync("SELECT (SELECT COUNT(*) FROM damage_report) + (SELECT COUNT(*) FROM site) + (SELECT COUNT(*) FROM revision)"));
    }

    private static byte[] Flipped(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 1 + copy.Length / 200; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }
        return copy;
    }
}
