using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>A search's bibliography shows the public sources a result cites and never a draft one.</summary>
public sealed class SearchBibliographyDraftTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_draft_source_cited_by_a_public_report_never_appears_and_a_corporate_author_stays_one_braced_author()
    {
        var editor = _factory.Services.GetRequiredService<RecordEditor>();
        long reportId;
        await using (var connection = await _factory.OpenDatabaseAsync())
        {
            reportId = await connection.ExecuteScalarAsync<long>("SELECT id FROM damage_report WHERE reference = 'PAL-2015-0011'");
        }
        var draft = await CreateCitedSourceAsync(editor, reportId, "S960", "Baalshamin statement draftprobe", publish: false);
        await CreateCitedSourceAsync(editor, reportId, "S961", "Baalshamin statement publishedprobe", publish: true);
        using var client = _factory.CreateClient();

        var bib = await client.GetStringAsync("/search.bib?q=baalshamin");
        var ris = await client.GetStringAsync("/search.ris?q=baalshamin");
        var json = await client.GetStringAsync("/search.json?q=baalshamin");

        Assert.NotEqual(0, draft);
        Assert.Contains("S961", SearchBibliographyTests.References("json", json));
        Assert.Contains("author = {{Directorate-General of Antiquities and Museums}},", bib, StringComparison.Ordinal);
        Assert.Contains("year = {2015},", bib[bib.IndexOf("palmyra-s961", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("AU  - Directorate-General of Antiquities and Museums\r\n", ris, StringComparison.Ordinal);
        foreach (var text in new[] { bib, ris, json })
        {
            Assert.DoesNotContain("draftprobe", text, StringComparison.Ordinal);
            Assert.DoesNotContain("S960", text.ToUpperInvariant(), StringComparison.Ordinal);
        }
    }

    private static async Task<long> CreateCitedSourceAsync(RecordEditor editor, long reportId, string reference, string title, bool publish)
    {
        var source = await editor.CreateAsync(RecordType.Source, new Dictionary<string, object?>
        {
            ["reference"] = reference, ["kind"] = "official-statement", ["title"] = title,
            ["authors"] = "Directorate-General of Antiquities and Museums",
            ["published_date"] = "2015-08-24", ["published_earliest"] = "2015-08-24", ["published_latest"] = "2015-08-24",
        }, null, null, CancellationToken.None);
        if (publish)
        {
            await editor.SetPublishedAsync(RecordType.Source, source.Id, 1, true, null, CancellationToken.None);
        }
        await editor.CreateAsync(RecordType.Citation, new Dictionary<string, object?> { ["source_id"] = source.Id, ["report_id"] = reportId, ["position"] = 99 }, null, null, CancellationToken.None);
        return source.Id;
    }
}
