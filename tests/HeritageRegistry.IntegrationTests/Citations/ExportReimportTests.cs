using System.Net;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Citations;

/// <summary>The whole seeded bibliography, downloaded in each format and pasted into the import, reads cleanly and is recognised.</summary>
public sealed class ExportReimportTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Theory]
    [InlineData("json")]
    [InlineData("bib")]
    [InlineData("ris")]
    public async Task Every_exported_source_reads_back_without_problems_as_a_duplicate_of_itself(string extension)
    {
        var exported = await registry.CreateClient().GetStringAsync($"/sources/export.{extension}");
        using var curator = await CuratorSession.SignInAsync(registry.Factory);

        var (response, preview) = await curator.SubmitAsync("/curate/sources/import", "form[action*='handler=Preview']", new() { ["Input.Text"] = exported });

        var rows = preview.QuerySelectorAll(".import-preview tbody tr");
        Assert.Equal(SeedCounts.Sources, rows.Length);
        Assert.Empty(preview.QuerySelectorAll(".import-preview .field-error li"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var row in rows.Where(r => r.QuerySelector("td a") is not null))
        {
            // Each entry is named after the source it came from (S01, or palmyra-s01 in BibTeX) and matched back to it.
            Assert.EndsWith(row.QuerySelector("td a")!.TextContent, row.QuerySelector("th code")!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(rows.Count(r => r.QuerySelector("td a") is not null) >= 60, "most seeded sources have a web address to be matched by");
    }
}
