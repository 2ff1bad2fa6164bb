using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Seed;
using Microsoft.Extensions.Options;
using HeritageRegistry.Data;

namespace HeritageRegistry.Hosting;

/// <summary>Brings the database up to date, and seeds an empty one, before the app takes requests.</summary>
public sealed class DatabaseInitializer(MigrationRunner migrations, PalmyraSeeder seeder, IOptions<RegistryOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        if (options.Value.Seed)
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
