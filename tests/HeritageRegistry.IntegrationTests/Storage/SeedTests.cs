using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using System.Data.Common;
using HeritageRegistry.Data;
using HeritageRegistry.Search;

namespace HeritageRegistry.IntegrationTests.Storage;

public sealed class SeedTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task The_first_start_loads_the_whole_palmyra_record_and_a_second_start_adds_nothing()
    {
        await StartAsync();
        var first = await CountsAsync();
        await StartAsync();
        var second = await CountsAsync();

        Assert.Equal(((long)SeedCounts.Places, (long)SeedCounts.Reports, (long)SeedCounts.Sources), (first.Sites, first.Reports, first.Sources));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Every_seeded_report_cites_at_least_one_source_and_has_computed_date_bounds()
    {
        await StartAsync();
        await using var connection = await OpenAsync();

        var uncited = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM damage_report r WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.report_id = r.id)");
        var badBounds = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM damage_report WHERE event_earliest > event_latest OR length(event_earliest) <> 10");
        var bel = await connection.QuerySingleAsync<(string EventEarliest, string EventLatest)>(
            "SELECT r.event_earliest, r.event_latest FROM damage_report r JOIN site s ON s.id = r.site_id WHERE s.slug = 'bel-cella' AND r.kind = 'damage'");

        Assert.Equal(0, uncited);
        Assert.Equal(0, badBounds);
        Assert.Equal(("2015-08-30", "2015-08-30"), bel);
    }

    [Fact]
    public async Task Only_the_four_monuments_unosat_classified_have_definite_severity()
    {
        await StartAsync();
        await using var connection = await OpenAsync();

        var definite = (await connection.QueryAsync<string>("""
            SELECT DISTINCT s.slug FROM damage_report r JOIN site s ON s.id = r.site_id
            WHERE r.severity IS NOT NULL AND r.certainty = 'definite'
            """)).ToList();

        Assert.All(definite, slug => Assert.Contains(slug,
            new[] { "temple-of-bel", "bel-cella", "temple-of-baalshamin", "tetrapylon", "roman-theatre" }));
    }

    [Fact]
    public async Task The_search_index_holds_a_row_for_every_site_report_and_source()
    {
        await StartAsync();
        await using var connection = await OpenAsync();

        var indexed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_index");
        var arabic = (await SqlDialect.Of(connection).FullText.MatchesAsync(connection, FtsQuery.Parse("تدمر")!, ranked: false, CancellationToken.None)).Count;

        Assert.Equal(SeedCounts.Records, indexed);
        Assert.True(arabic >= 1, "the Arabic name of Palmyra is searchable");
    }

    [PostgreSqlOnlyFact("SQLite's planner is not given statistics")]
    public async Task The_first_start_leaves_postgresql_statistics_for_every_table_it_seeded()
    {
        await StartAsync();
        await using var connection = await OpenAsync();

        // Autovacuum would analyse none of the small tables: it waits for 50 changed rows and a tenth of the table.
        string[] seeded = ["citation", "damage_report", "disagreement", "disagreement_version", "search_index", "search_word", "site", "site_name", "source"];
        var analysed = await connection.QueryAsync<string>(
            "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema() AND tablename = ANY(@seeded)", new { seeded });

        Assert.Equal(seeded, analysed.Order());
    }

    private async Task StartAsync()
    {
        using var factory = new RegistryFactory(_folder);
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/");
        response.EnsureSuccessStatusCode();
    }

    private Task<DbConnection> OpenAsync() => TestDatabase.OpenAsync(_folder);

    private async Task<(long Sites, long Reports, long Sources, long Citations)> CountsAsync()
    {
        await using var connection = await OpenAsync();
        return await connection.QuerySingleAsync<(long, long, long, long)>(
            "SELECT (SELECT COUNT(*) FROM site), (SELECT COUNT(*) FROM damage_report), (SELECT COUNT(*) FROM source), (SELECT COUNT(*) FROM citation)");
    }
}
