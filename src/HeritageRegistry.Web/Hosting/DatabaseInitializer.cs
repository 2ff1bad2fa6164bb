using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Seed;
using Microsoft.Extensions.Options;
using HeritageRegistry.Data;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Brings the database up to date, and seeds an empty one, before the app takes requests. The search
/// index is rebuilt here when it was folded by another SearchText.Version (folding is C#, so a
/// migration can only mark it stale); on an empty database that costs nothing, and the seed then
/// writes its own rows.
/// </summary>
public sealed class DatabaseInitializer(MigrationRunner migrations, Database database, PalmyraSeeder seeder,
    IOptions<RegistryOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        if (await SearchIndex.RebuildIfStaleAsync(database, cancellationToken))
        {
            logger.LogInformation("Rebuilt the search index with text folding version {Version}", Search.SearchText.Version);
        }
        if (options.Value.Seed)
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
