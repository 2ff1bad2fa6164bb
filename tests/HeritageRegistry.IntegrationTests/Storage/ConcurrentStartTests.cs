using Dapper;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Storage;

/// <summary>Two apps starting at once on one empty database (two nodes of one registry) take turns to migrate and seed.</summary>
public sealed class ConcurrentStartTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task Two_apps_starting_together_on_an_empty_database_migrate_and_seed_it_once_and_share_one_first_key()
    {
        using var first = new RegistryFactory(_folder);
        using var second = new RegistryFactory(_folder);

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        foreach (var factory in new[] { first, second })
        {
            using var client = factory.CreateClient();
            (await client.GetAsync("/sites/temple-of-bel")).EnsureSuccessStatusCode();
        }
        await using var connection = await TestDatabase.OpenAsync(_folder);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM site WHERE slug = 'temple-of-bel'"));
        Assert.Equal(Migration.LoadEmbedded(TestDatabase.Provider).Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migration"));
        // One key signs both apps' cookies: a sign-in on one is good on the other from the first request.
        var keys = first.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.Equal(keys.Select(key => key.KeyId), second.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(key => key.KeyId));
        Assert.Single(keys);
    }
}
