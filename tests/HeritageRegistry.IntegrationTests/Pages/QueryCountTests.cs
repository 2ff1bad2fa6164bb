using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>A site page costs the same few statements whether it shows two reports or two hundred.</summary>
public sealed class QueryCountTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_site_page_runs_a_fixed_number_of_statements_whatever_its_number_of_reports()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/sites/tower-of-elahbel"); // loads the places' conditions, which later pages reuse
        var before = await CountStatementsAsync(client, "/sites/tower-of-elahbel");

        await AddReportsAsync("tower-of-elahbel", 150);
        var after = await CountStatementsAsync(client, "/sites/tower-of-elahbel");
        var page = await client.GetPageAsync("/sites/tower-of-elahbel?rendered-after-the-insert");

        Assert.True(page.QuerySelectorAll(".timeline-entry").Length > 150, "the added reports are on the page");
        Assert.Equal(before, after);
        // The record's generation (whether the places' conditions are still current), the six statements of the
        // place, the gallery and the disagreements.
        Assert.Equal(9, after);
    }

    [PostgreSqlOnlyFact("a round trip costs the web node a send and a wake-up only over a network")]
    public async Task A_place_page_and_a_report_page_each_read_the_database_in_one_round_trip()
    {
        using var client = _factory.CreateClient();
        foreach (var url in new[] { "/sites/temple-of-bel", "/sites/palmyra", "/reports/PAL-2015-0010" })
        {
            await client.GetAsync(url); // the places' conditions loaded once, as every later page finds them
            var roundTrips = await StatementCounter.RoundTripsAsync(_factory,
                async () => (await client.GetAsync($"{url}?fresh={Guid.NewGuid():N}")).EnsureSuccessStatusCode());
            Assert.True(roundTrips == 1, $"{url} took {roundTrips} round trips");
        }
    }

    private async Task<int> CountStatementsAsync(HttpClient client, string url)
    {
        // A new query string renders the page afresh: this counts the work behind it, not the output cache.
        return await StatementCounter.CountAsync(_factory, async () => (await client.GetAsync($"{url}?fresh={Guid.NewGuid():N}")).EnsureSuccessStatusCode());
    }

    private async Task AddReportsAsync(string slug, int count)
    {
        await using var connection = await _factory.Services.GetRequiredService<Data.Database>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
        {
            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO damage_report (reference, site_id, kind, title, event_date, event_earliest, event_latest,
                    verification, publication, created_at, updated_at)
                SELECT 'TEST-' || @i, id, 'damage', 'Test report ' || @i, '2016-01-01', '2016-01-01', '2016-01-01',
                    'reported', 'published', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
                FROM site WHERE slug = @slug
                RETURNING id
                """, new { i, slug }, transaction);
            await connection.ExecuteAsync("""
                INSERT INTO citation (source_id, report_id, created_at, updated_at)
                SELECT id, @id, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM source WHERE reference = 'S21'
                """, new { id }, transaction);
        }
        await transaction.CommitAsync();
    }
}
