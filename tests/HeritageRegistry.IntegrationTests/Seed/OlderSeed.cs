using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>
/// A data folder as a real deployment seeded before issue 11 has it: the app is started once with the seed files
/// as they were at commit e959f6f (Seed/SeedBeforeIssue11, in today's file format, without update steps), then
/// stopped. Starting the app again on the folder runs every update step, as an upgrade would.
/// </summary>
public static class OlderSeed
{
    private static readonly string Files = Path.Combine(AppContext.BaseDirectory, "Seed", "SeedBeforeIssue11");

    public static async Task<string> CreateDataFolderAsync(Func<RegistryFactory, Task>? beforeUpgrade = null)
    {
        var folder = TempFolder.Create();
        using (var older = new RegistryFactory(folder) { TestServices = services => services.AddSingleton(SeedFiles.FromFolder(Files)) })
        {
            using var client = older.CreateClient();
            (await client.GetAsync("/")).EnsureSuccessStatusCode();
            if (beforeUpgrade is not null)
            {
                await beforeUpgrade(older);
            }
        }
        SqliteConnection.ClearAllPools();
        return folder;
    }
}
