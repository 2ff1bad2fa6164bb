using Dapper;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.IntegrationTests.Infrastructure;
using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace HeritageRegistry.IntegrationTests.Storage;

public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();
    private readonly MigrationRunner _runner;
    private readonly Data.Database _database;

    public MigrationTests()
    {
        _database = TestDatabase.DatabaseFor(_folder);
        _runner = new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance);
    }

    public void Dispose()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        TempFolder.Delete(_folder);
    }

    [Fact]
    public async Task Applying_migrations_twice_changes_nothing_the_second_time()
    {
        var migrations = Migration.LoadEmbedded(TestDatabase.Provider);

        var first = await _runner.ApplyAsync(migrations, CancellationToken.None);
        var schemaAfterFirst = await SchemaAsync();
        var second = await _runner.ApplyAsync(migrations, CancellationToken.None);

        Assert.Equal(migrations.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(schemaAfterFirst, await SchemaAsync());
        Assert.Contains("search_index", schemaAfterFirst);
    }

    [SqliteOnlyFact("WAL, foreign keys and the busy timeout are SQLite pragmas; PostgreSQL always enforces foreign keys")]
    public async Task Every_connection_has_foreign_keys_on_and_the_file_is_in_wal_mode()
    {
        await using var first = await _database.OpenAsync();
        await using var second = await _database.OpenAsync();

        Assert.Equal("wal", await second.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await second.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(5000, await second.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Migrations_are_numbered_files_applied_in_order()
    {
        var names = Migration.LoadEmbedded(TestDatabase.Provider).Select(m => m.Name).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", n));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task A_changed_migration_that_was_already_applied_stops_with_a_clear_message()
    {
        var migrations = Migration.LoadEmbedded(TestDatabase.Provider);
        await _runner.ApplyAsync(migrations, CancellationToken.None);
        var tampered = migrations.Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\n-- edited afterwards\n" } : m).ToList();

        var error = await Assert.ThrowsAsync<MigrationChangedException>(() => _runner.ApplyAsync(tampered, CancellationToken.None));

        Assert.Contains(migrations[0].Name, error.Message);
        Assert.Contains("new, higher-numbered migration", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_neither_its_changes_nor_a_journal_row()
    {
        var broken = new Migration("9999_broken.sql", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        await Assert.ThrowsAnyAsync<DbException>(() => _runner.ApplyAsync([broken], CancellationToken.None));

        await using var connection = await _database.OpenAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM half_done"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migration WHERE name = '9999_broken.sql'"));
    }

    [Fact]
    public async Task The_app_refuses_to_start_on_a_database_whose_applied_migration_was_changed()
    {
        await _runner.ApplyAsync(Migration.LoadEmbedded(TestDatabase.Provider), CancellationToken.None);
        await using (var connection = await _database.OpenAsync())
        {
            // As if the file had been edited after this database applied it.
            await connection.ExecuteAsync("UPDATE schema_migration SET checksum = 'ffffffffffffffffffff' WHERE name LIKE '0001%'");
        }

        // The real program, as an operator starts it: it must stop by itself and say why.
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"cannot start: Migration {Migration.LoadEmbedded(TestDatabase.Provider)[0].Name} was changed", run.StandardError);
        Assert.DoesNotContain("   at ", run.StandardError);
    }

    private async Task<string> SchemaAsync()
    {
        await using var connection = await _database.OpenAsync();
        var rows = await connection.QueryAsync<string>(TestDatabase.IsPostgreSql
            ? """
              SELECT table_name || ' ' || column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              ORDER BY 1
              """
            : "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name");
        return string.Join('\n', rows);
    }
}
