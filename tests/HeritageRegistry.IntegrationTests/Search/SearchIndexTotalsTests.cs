using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>On PostgreSQL the index's totals (records and words, which bm25 ranks by) are kept beside it rather than
/// summed at each search; they must follow every insert, change and removal of the index's rows.</summary>
public sealed class SearchIndexTotalsTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [PostgreSqlOnlyFact("FTS5 keeps its own totals; the PostgreSQL index keeps them in search_index_state")]
    public async Task The_kept_totals_equal_the_index_after_a_seed_a_publication_an_edit_that_lengthens_a_record_and_a_deletion()
    {
        var seeded = await AssertTotalsAsync();
        var editor = _factory.Services.GetRequiredService<RecordEditor>();
        var id = (await editor.CreateAsync(RecordType.Source, new Dictionary<string, object?> { ["reference"] = "S990", ["kind"] = "news", ["title"] = "Totals test" },
            null, null, CancellationToken.None)).Id;
        Assert.Equal(SaveStatus.Saved, (await editor.SetPublishedAsync(RecordType.Source, id, await VersionAsync(editor, id), published: true, null, CancellationToken.None)).Status);
        Assert.Equal(seeded + 1, await AssertTotalsAsync());
        var values = new Dictionary<string, object?>((await editor.GetAsync(RecordType.Source, id, CancellationToken.None))!.Values)
        {
            ["title"] = "Totals test with a much longer title than before",
        };
        Assert.Equal(SaveStatus.Saved, (await editor.UpdateAsync(RecordType.Source, id, await VersionAsync(editor, id), values, null, null, CancellationToken.None)).Status);
        Assert.Equal(seeded + 1, await AssertTotalsAsync());
        Assert.Equal(SaveStatus.Saved, (await editor.SetDeletedAsync(RecordType.Source, id, await VersionAsync(editor, id), deleted: true, null, CancellationToken.None)).Status);
        Assert.Equal(seeded, await AssertTotalsAsync());
    }

    private static async Task<long> VersionAsync(RecordEditor editor, long id) => (await editor.GetAsync(RecordType.Source, id, CancellationToken.None))!.Version;

    /// <summary>Checks the kept totals against the index's rows; returns the number of rows.</summary>
    private async Task<long> AssertTotalsAsync()
    {
        var rows = await _factory.ScalarAsync("SELECT COUNT(*) FROM search_index");
        Assert.True(rows > 0);
        Assert.Equal(rows, await _factory.ScalarAsync("SELECT indexed_rows FROM search_index_state"));
        Assert.Equal(await _factory.ScalarAsync("SELECT SUM(words) FROM search_index"), await _factory.ScalarAsync("SELECT indexed_words FROM search_index_state"));
        return rows;
    }
}
