using System.Text.Json;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>The same seeded registry on SQLite and on PostgreSQL answers every search alike: the same results in
/// the same order, the same snippets and marks, the same facet counts.</summary>
public sealed class ProviderParityTests : IDisposable
{
    private readonly RegistryFactory _sqlite = new() { DatabaseProvider = "sqlite" };
    private readonly RegistryFactory _postgres = new();

    public void Dispose()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
    }

    public static readonly string[] Queries =
    [
        "q=temple", "q=Baal%C5%A1amin", "q=baalshamin", "q=al-Lat", "q=%D9%85%D8%B9%D8%A8%D8%AF", "q=%D8%AA%D8%AF%D9%85%D8%B1",
        "q=UNOSAT+berms", "q=tow", "q=PAL-2015", "q=bel&type=report&sort=oldest", "q=tomb&sort=newest", "q=palmyra&page=2",
        "q=temple&severity=destroyed", "q=tomb&from=2015-06&to=2015-09", "q=theatre&site=palmyra",
        "q=palmyra&type=source&sourcekind=satellite-analysis", "q=destroyed+temple", "q=%22NEAR(", "q=lion+of",
        "sitekind=tomb&from=2015-06&to=2015-08", "site=valley-of-the-tombs&cause=explosion-heavy-weaponry", "type=source",
        "q=temple+of+bel", "q=%D8%A8%D8%B9%D9%84%D8%B4%D9%85%D9%8A%D9%86", "q=%D8%A7%D9%84+%D9%85%D8%B9%D8%A8%D8%AF", "q=%D9%85%D8%B9%D8%A8%D8%AF+%D8%A8%D9%84", "q=Palmira", "q=Balshamin&type=site",
    ];

    [BothProvidersFact]
    public async Task Every_query_answers_the_same_on_sqlite_and_postgresql()
    {
        using var sqlite = _sqlite.CreateClient();
        using var postgres = _postgres.CreateClient();
        var differences = new List<string>();
        foreach (var query in Queries)
        {
            var expected = Normalised(await sqlite.GetOkJsonAsync($"/api/v1/search?pageSize=100&{query}"));
            var actual = Normalised(await postgres.GetOkJsonAsync($"/api/v1/search?pageSize=100&{query}"));
            if (expected != actual)
            {
                // Where the two first part, with some context.
                var at = Math.Max(0, expected.Zip(actual).TakeWhile(pair => pair.First == pair.Second).Count() - 200);
                differences.Add($"{query}:\n  SQLite     …{expected[at..Math.Min(at + 400, expected.Length)]}\n  PostgreSQL …{actual[at..Math.Min(at + 400, actual.Length)]}");
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.True((await postgres.GetOkJsonAsync("/api/v1/search?q=temple")).GetProperty("total").GetInt64() > 10, "PostgreSQL finds what SQLite finds");
    }

    private static string Normalised(JsonElement body) => JsonSerializer.Serialize(body);
}
