using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>Reads /search the way a visitor does, and asks the database directly for what it should find.</summary>
internal static class SearchClient
{
    /// <summary>The result links of one search (up to 100), in page order.</summary>
    public static async Task<List<string>> HitsAsync(this HttpClient client, string query)
    {
        var document = await client.GetPageAsync($"/search?size=100&{query}");
        return [.. document.QuerySelectorAll(".search-hit > a").Select(a => a.GetAttribute("href")!)];
    }

    /// <summary>Paths (e.g. /reports/PAL-2015-0001) that an SQL query over the seeded record returns.</summary>
    public static async Task<List<string>> PathsAsync(this RegistryFactory factory, string sql)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<string>(sql)];
    }
}
