using Dapper;

namespace HeritageRegistry.Data.Migrations;

/// <summary>
/// Applies numbered .sql files in order, each in its own transaction together with its
/// journal row. A small runner rather than DbUp: DbUp's journal keeps no checksum, so it
/// cannot notice an applied migration that was edited afterwards, and that is the
/// mistake we most want to stop at start-up. The same runner and journal serve both providers;
/// each has its own folder of files (migrations/sqlite, migrations/postgresql).
/// </summary>
public sealed class MigrationRunner(Database database, ILogger<MigrationRunner> logger)
{
    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS schema_migration (
                name        TEXT PRIMARY KEY,
                checksum    TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            )
            """, cancellationToken: cancellationToken));

        var applied = await JournalAsync(connection, cancellationToken);

        // Verify everything before changing anything: a tampered history stops start-up whole.
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Name, out var checksum) && checksum != migration.Checksum)
            {
                throw new MigrationChangedException(migration.Name, checksum, migration.Checksum);
            }
        }

        var count = 0;
        var sqlite = SqlDialect.Of(connection) == SqlDialect.Sqlite;
        foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Name)))
        {
            if (sqlite)
            {
                // SQLite's procedure for changes ALTER TABLE cannot make (rebuilding a table to change a CHECK):
                // foreign keys off while the tables are swapped (the pragma is ignored inside a transaction), then
                // every reference checked before the commit.
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF", cancellationToken: cancellationToken));
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            if (sqlite && await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                    "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1", transaction: transaction, cancellationToken: cancellationToken)) is { } broken)
            {
                throw new InvalidOperationException($"Migration {migration.Name} leaves rows of {broken} referring to rows that do not exist.");
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migration (name, checksum, applied_at) VALUES (@Name, @Checksum, @AppliedAt)",
                new { migration.Name, migration.Checksum, AppliedAt = Clock.NowText() },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            if (sqlite)
            {
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON", cancellationToken: cancellationToken));
            }
            logger.LogInformation("Applied migration {Migration}", migration.Name);
            count++;
        }
        return count;
    }

    /// <summary>The journal: each applied migration's name and the checksum it was applied with.</summary>
    public static async Task<Dictionary<string, string>> JournalAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            "SELECT name, checksum FROM schema_migration", cancellationToken: cancellationToken)))
            .ToDictionary(row => row.Name, row => row.Checksum, StringComparer.Ordinal);
}

public sealed class MigrationChangedException(string name, string appliedChecksum, string currentChecksum)
    : Exception($"Migration {name} was changed after it was applied to this database " +
        $"(checksum {appliedChecksum[..12]}… when applied, {currentChecksum[..12]}… now). " +
        "Restore the file as it was and put the change in a new, higher-numbered migration.");
