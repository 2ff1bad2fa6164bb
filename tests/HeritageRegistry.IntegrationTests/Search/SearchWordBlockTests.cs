using System.Globalization;
using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>
/// PostgreSQL's search_word keeps each word's records in blocks of row ids (migration 0018), appended to and taken
/// out of as records change: after edits, a renamed place (its reports re-indexed) and a deleted report, the blocks
/// hold exactly the words of the indexed records, once each, with no empty block left.
/// </summary>
public sealed class SearchWordBlockTests : IDisposable
{
    private const string Reason = "search_word is PostgreSQL's";

    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RecordEditor Editor => _factory.Services.GetRequiredService<RecordEditor>();

    [PostgreSqlOnlyFact(Reason)]
    public async Task The_blocks_hold_exactly_the_indexed_records_words_after_edits_renames_and_deletions()
    {
        using var client = _factory.CreateClient();
        var report = await IdAsync("damage_report WHERE reference = 'PAL-2015-0010'");
        var place = await IdAsync("site WHERE slug = 'temple-of-baalshamin'");
        var gone = await IdAsync("damage_report WHERE reference = 'PAL-2015-0011'");

        await UpdateAsync(RecordType.Report, report, "title", "Zorblat destruction");
        await UpdateAsync(RecordType.Report, report, "title", "Quibbon destruction");
        await UpdateAsync(RecordType.Site, place, "name_en", "Temple of Glorbishamin");
        var record = (await Editor.GetAsync(RecordType.Report, gone, CancellationToken.None))!;
        await Editor.SetDeletedAsync(RecordType.Report, gone, record.Version, deleted: true, null, CancellationToken.None);

        await using var connection = await TestDatabase.OpenAsync(_factory.DataDirectory);
        var missing = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM (
                SELECT t.word, s.row_id FROM search_index s, unnest(tsvector_to_array(s.document)) AS t(word)
                EXCEPT SELECT word, unnest(row_ids) FROM search_word) AS m
            """);
        var extra = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM (
                SELECT word, unnest(row_ids) FROM search_word
                EXCEPT SELECT t.word, s.row_id FROM search_index s, unnest(tsvector_to_array(s.document)) AS t(word)) AS e
            """);
        var twice = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT word, r FROM search_word, unnest(row_ids) AS r GROUP BY word, r HAVING COUNT(*) > 1) AS d");
        var malformed = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM search_word
            WHERE cardinality(row_ids) = 0 OR cardinality(in_title) <> cardinality(row_ids) OR cardinality(in_body) <> cardinality(row_ids)
               OR cardinality(words) <> cardinality(row_ids) OR EXISTS (SELECT 1 FROM unnest(row_ids) AS r WHERE r / 1024 <> block)
            """);

        Assert.Equal((0L, 0L, 0L, 0L), (missing, extra, twice, malformed));
        Assert.Equal(["/reports/PAL-2015-0010"], await client.HitsAsync("q=quibbon"));
        Assert.Empty(await client.HitsAsync("q=zorblat"));
        Assert.Contains("/sites/temple-of-baalshamin", await client.HitsAsync("q=glorbishamin"));
        Assert.DoesNotContain("/reports/PAL-2015-0011", await client.HitsAsync("q=baalshamin"));
    }

    private async Task UpdateAsync(RecordType type, long id, string field, string value)
    {
        var record = (await Editor.GetAsync(type, id, CancellationToken.None))!;
        await Editor.UpdateAsync(type, id, record.Version, new Dictionary<string, object?>(record.Values) { [field] = value }, null, null, CancellationToken.None);
    }

    private async Task<long> IdAsync(string tableAndKey) =>
        long.Parse((await _factory.PathsAsync($"SELECT CAST(id AS TEXT) FROM {tableAndKey}")).Single(), CultureInfo.InvariantCulture);
}
