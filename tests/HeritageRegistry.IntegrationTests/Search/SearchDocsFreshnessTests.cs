using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Search;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>The facet counts come from doc values held in memory; they must never lag behind the database.</summary>
public sealed class SearchDocsFreshnessTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private SearchStore Store => registry.Factory.Services.GetRequiredService<SearchStore>();

    [Fact]
    public async Task A_curators_edit_moves_the_counts_at_once()
    {
        var before = await DestroyedAsync("q=theatre");
        var theatre = (await Store.SearchAsync(Query("q=theatre&type=report"), CancellationToken.None))!.Hits.First(h => h.Severity != "destroyed");
        var editor = registry.Factory.Services.GetRequiredService<RecordEditor>();
        long id;
        await using (var connection = await registry.Factory.OpenDatabaseAsync())
        {
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM damage_report WHERE reference = @key", new { key = theatre.Key });
        }
        var record = (await editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;

        await editor.UpdateAsync(RecordType.Report, id, record.Version, new Dictionary<string, object?>(record.Values) { ["severity"] = "destroyed" },
            null, null, CancellationToken.None);

        Assert.Equal(before + 1, await DestroyedAsync("q=theatre"));
    }

    [Fact]
    public async Task A_write_from_outside_the_app_is_seen_by_the_next_search()
    {
        var before = await DestroyedAsync("q=tomb");
        await using (var connection = await registry.Factory.OpenDatabaseAsync())
        {
            // Another process (a script, a second server) changes a report and, as every index write does, the generation.
            await connection.ExecuteAsync("""
                UPDATE damage_report SET severity = 'destroyed'
                WHERE id = (SELECT MIN(r.id) FROM damage_report r JOIN site s ON s.id = r.site_id
                            WHERE r.publication = 'published' AND r.severity <> 'destroyed' AND lower(r.title) LIKE '%tomb%' AND s.publication = 'published');
                UPDATE search_index_state SET generation = generation + 1;
                """);
        }

        Assert.Equal(before + 1, await DestroyedAsync("q=tomb"));
    }

    private async Task<long> DestroyedAsync(string query) =>
        (await Store.SearchAsync(Query(query), CancellationToken.None))!.Facets.Single(f => f.Parameter == "severity")
            .Values.SingleOrDefault(v => v.Code == "destroyed")?.Count ?? 0;

    private static SearchQuery Query(string text) => SearchQuery.Parse(QueryHelpers.ParseQuery("?" + text)).Query;
}
