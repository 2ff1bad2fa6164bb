using Dapper;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Seed;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using HeritageRegistry.Data;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Checks the database file, brings it up to date, seeds an empty one and brings an older seed up to date
/// (<see cref="SeedSteps"/>), before the app takes requests. The search
/// index is rebuilt here when it was folded by another SearchText.Version (folding is C#, so a
/// migration can only mark it stale); on an empty database that costs nothing, and the seed then
/// writes its own rows. On PostgreSQL, when start-up wrote anything, it ends by refreshing the planner's
/// statistics (<see cref="SqlDialect.Analyze"/>).
/// </summary>
public sealed class DatabaseInitializer(MigrationRunner migrations, Database database, PalmyraSeeder seeder, SeedSteps seedSteps,
    IKeyManager keys, IOptions<RegistryOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckIntactAsync(cancellationToken);
        // Several nodes (or the site and a command) may start together on one database: one at a time migrates and seeds.
        await using var startup = await database.HoldStartupLockAsync(cancellationToken);
        var wrote = await migrations.ApplyAsync(Migration.LoadEmbedded(database.Dialect.Provider), cancellationToken) > 0;
        if (await SearchIndex.RebuildIfStaleAsync(database, cancellationToken))
        {
            logger.LogInformation("Rebuilt the search index with text folding version {Version}", Search.SearchText.Version);
            wrote = true;
        }
        if (options.Value.Seed)
        {
            wrote |= await seeder.SeedIfEmptyAsync(cancellationToken);
            wrote |= await seedSteps.ApplyPendingAsync(cancellationToken) > 0;
        }
        if (wrote)
        {
            await database.AnalyzeAsync(cancellationToken);
        }
        MakeFirstKey();
    }

    /// <summary>
    /// Makes the first data-protection key while this node holds the start-up lock. Data protection would make one
    /// as it starts, just after this; two nodes starting together on an empty key store (DatabaseKeyRepository) would
    /// then each make their own, and each reject the other's cookies until it next reloads its key ring.
    /// </summary>
    private void MakeFirstKey()
    {
        if (keys.GetAllKeys().Count == 0)
        {
            var now = DateTimeOffset.UtcNow;
            keys.CreateNewKey(activationDate: now, expirationDate: now + KeyLifetime);
        }
    }

    // Data protection's own default for a key it makes (KeyManagementOptions.NewKeyLifetime).
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    /// <summary>
    /// Refuses a file SQLite cannot read, or whose pages fail its quick check (which reads each page once:
    /// milliseconds for the Palmyra record, about a second per gigabyte), with one sentence for the operator.
    /// A PostgreSQL server checks its own pages.
    /// </summary>
    private async Task CheckIntactAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Database.IsPostgreSql || !File.Exists(options.Value.DatabasePath))
        {
            return; // the first start creates the file
        }
        try
        {
            // A connection of its own, outside the pool: a pooled one may still hold what it read of the
            // file (the search index's layout) before another process changed it, and report that as damage.
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = options.Value.DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
            }.ToString());
            await connection.OpenAsync(cancellationToken);
            var verdict = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA quick_check(1)", cancellationToken: cancellationToken));
            if (verdict != "ok")
            {
                throw new DatabaseDamagedException(options.Value.DatabasePath, verdict ?? "no answer from SQLite's check");
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            throw new DatabaseDamagedException(options.Value.DatabasePath, ex.Message.TrimEnd('.'));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
