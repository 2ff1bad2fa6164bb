using System.Data;
using System.Data.Common;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace HeritageRegistry.Copy;

/// <summary>One table on both sides: what the SQLite registry holds and what its PostgreSQL copy holds.</summary>
public sealed record TableComparison(string Table, TableDigest Sqlite, TableDigest PostgreSql)
{
    public bool Same => Sqlite == PostgreSql;
}

/// <summary>A copy that cannot go on; the message is the one sentence the command prints.</summary>
public sealed class CopyException(string message) : Exception(message);

/// <summary>
/// Moves a SQLite registry into an empty PostgreSQL database: the target is migrated by the same runner the app
/// uses, every table (<see cref="RegistryTables"/>) is copied by binary COPY in one transaction keeping its ids, the
/// identity sequences continue after them, and the search index is rebuilt from the copied records. The source is
/// read in one snapshot (WAL lets the site keep writing), and the verification reads that same snapshot.
/// </summary>
public sealed class PostgreSqlCopy(RegistryOptions registry, MigrationRunner sourceMigrations, ILogger<MigrationRunner> logger)
{
    public async Task<IReadOnlyList<TableComparison>> CopyAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The source brought up to date first, as the site's next start would, so both sides have the same columns.
        await sourceMigrations.ApplyAsync(Migration.LoadEmbedded(DatabaseOptions.Sqlite), cancellationToken);
        await using var target = Target(connectionString);
        // The lock a node takes to migrate and seed at start-up: no node seeds the target while the copy fills it,
        // and a second copy waits, then finds it full.
        await using var startup = await target.HoldStartupLockAsync(cancellationToken);
        await RefuseForeignTablesAsync(target, connectionString, cancellationToken);
        await new MigrationRunner(target, logger).ApplyAsync(Migration.LoadEmbedded(DatabaseOptions.PostgreSql), cancellationToken);

        await using var source = await OpenSourceAsync(cancellationToken);
        await using (var connection = (NpgsqlConnection)await target.OpenAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await RefuseRowsAsync(connection, connectionString, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM app_user WHERE login = @login",
                new { login = RegistryTables.MigrationsOwnUser }, transaction, cancellationToken: cancellationToken));
            foreach (var table in RegistryTables.Copied)
            {
                await CopyTableAsync(source, connection, table, cancellationToken);
            }
            await ContinueIdentitiesAsync(connection, cancellationToken);
            // Marks the index stale, so the rebuild below (or the app's first start) fills it from the copied records.
            await connection.ExecuteAsync(new CommandDefinition("UPDATE search_index_state SET text_version = 0 WHERE id = 1",
                transaction: transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        // Statistics before the rebuild's queries are planned: without them PostgreSQL planned the rebuild's
        // first batch of a million-report copy as a scan of every report, and it ran for hours.
        await target.AnalyzeAsync(cancellationToken);
        await SearchIndex.RebuildIfStaleAsync(target, cancellationToken);
        // Vacuumed, so the words' btree answers from the index alone (its pages marked all-visible) from the first search.
        await using (var connection = await target.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("VACUUM (ANALYZE) search_index, search_word", cancellationToken: cancellationToken));
        }
        return await CompareAsync(source, target, cancellationToken);
    }

    /// <summary>Compares a copy made earlier with the SQLite registry as it is now.</summary>
    public async Task<IReadOnlyList<TableComparison>> VerifyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var target = Target(connectionString);
        await using var source = await OpenSourceAsync(cancellationToken);
        return await CompareAsync(source, target, cancellationToken);
    }

    // No command timeout: at a million reports one COPY, index build or checksum takes minutes, not Npgsql's default 30 s.
    private Database Target(string connectionString) => new(Options.Create(new RegistryOptions
    {
        DataDirectory = registry.DataDirectory,
        Database = new DatabaseOptions
        {
            Provider = DatabaseOptions.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ToString(),
        },
    }));

    /// <summary>The SQLite registry in one snapshot: a connection of its own, outside the app's pool, in a deferred
    /// read transaction that WAL keeps at the moment of its first read while the site goes on writing.</summary>
    private sealed class Source(SqliteConnection connection, SqliteTransaction snapshot) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public SqliteTransaction Snapshot { get; } = snapshot;

        public async ValueTask DisposeAsync()
        {
            await Snapshot.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private async Task<Source> OpenSourceAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = registry.DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return new Source(connection, connection.BeginTransaction(deferred: true));
    }

    private static async Task RefuseForeignTablesAsync(Database target, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenAsync(cancellationToken);
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
            cancellationToken: cancellationToken))).AsList();
        if (tables.Count > 0 && !tables.Contains("schema_migration"))
        {
            throw new CopyException($"The PostgreSQL database {Name(connectionString)} is not empty: it holds tables that are not a registry's " +
                $"({string.Join(", ", tables.Take(5))}); copy-data copies into an empty database only.");
        }
        var unknown = tables.Except(RegistryTables.Copied).Except(RegistryTables.Rebuilt).ToList();
        if (unknown.Count > 0)
        {
            throw new CopyException($"copy-data does not know the table {unknown[0]} of the PostgreSQL schema; name it in Copy/RegistryTables.cs.");
        }
    }

    /// <summary>Refuses a target that holds anything beyond what the migrations themselves wrote, in the copy's own transaction.</summary>
    private static async Task RefuseRowsAsync(NpgsqlConnection connection, string connectionString, CancellationToken cancellationToken)
    {
        foreach (var table in RegistryTables.Copied)
        {
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {table}" + (table == "app_user" ? " WHERE login <> @login" : ""),
                new { login = RegistryTables.MigrationsOwnUser }, cancellationToken: cancellationToken));
            if (rows > 0)
            {
                throw new CopyException($"The PostgreSQL database {Name(connectionString)} is not empty (its {table} table holds {rows} rows); " +
                    "copy-data copies into an empty database only.");
            }
        }
    }

    private static async Task CopyTableAsync(Source source, NpgsqlConnection target, string table, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(source, target, table, cancellationToken);
        var names = string.Join(", ", columns.Select(column => Quote(column.Name)));
        var types = columns.Select(column => column.Kind switch
        {
            ColumnKind.Bigint => NpgsqlDbType.Bigint,
            ColumnKind.Float8 => NpgsqlDbType.Double,
            _ => NpgsqlDbType.Text,
        }).ToArray();
        await using var reader = await ReadAsync(source.Connection, source.Snapshot, $"SELECT {names} FROM {table}", cancellationToken);
        await using var writer = await target.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (TableDigest.Value(reader, i, columns[i].Kind) is { } value)
                {
                    await writer.WriteAsync(value, types[i], cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Sets each identity column's sequence after the highest copied id, so the next record gets a new one.</summary>
    private static async Task ContinueIdentitiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var identities = await connection.QueryAsync<(string Table, string Column)>(new CommandDefinition("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name
            """, cancellationToken: cancellationToken));
        foreach (var (table, column) in identities)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)",
                new { table, column }, cancellationToken: cancellationToken));
        }
    }

    private static async Task<IReadOnlyList<TableComparison>> CompareAsync(Source source, Database target, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)await target.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var comparisons = new List<TableComparison>();
        foreach (var table in RegistryTables.Copied)
        {
            var columns = await ColumnsAsync(source, connection, table, cancellationToken);
            var names = string.Join(", ", columns.Select(column => Quote(column.Name)));
            var kinds = columns.Select(column => column.Kind).ToList();
            comparisons.Add(new TableComparison(table,
                await DigestAsync(source.Connection, source.Snapshot, $"SELECT {names} FROM {table}", kinds, cancellationToken),
                await DigestAsync(connection, snapshot, $"SELECT {names} FROM {table}", kinds, cancellationToken)));
        }
        // The index holds text folded in C#, which FTS5 does not give back: the same records indexed is what can be compared.
        comparisons.Add(new TableComparison("search_index",
            await DigestAsync(source.Connection, source.Snapshot, "SELECT rowid FROM search_index", [ColumnKind.Bigint], cancellationToken),
            await DigestAsync(connection, snapshot, "SELECT row_id FROM search_index", [ColumnKind.Bigint], cancellationToken)));
        return comparisons;
    }

    private static async Task<TableDigest> DigestAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<ColumnKind> kinds,
        CancellationToken cancellationToken)
    {
        await using var reader = await ReadAsync(connection, transaction, sql, cancellationToken);
        return await TableDigest.ReadAsync(reader, kinds, cancellationToken);
    }

    private sealed record Column(string Name, ColumnKind Kind);

    /// <summary>The table's columns as PostgreSQL declares them, once SQLite is known to have the same ones.</summary>
    private static async Task<List<Column>> ColumnsAsync(Source source, NpgsqlConnection target, string table, CancellationToken cancellationToken)
    {
        var declared = (await target.QueryAsync<(string Name, string Type)>(new CommandDefinition("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, new { table }, cancellationToken: cancellationToken))).AsList();
        var sqlite = (await source.Connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM pragma_table_info(@table)", new { table },
            source.Snapshot, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        if (!sqlite.SetEquals(declared.Select(column => column.Name)))
        {
            throw new CopyException($"The table {table} has other columns on SQLite ({string.Join(", ", sqlite.Order(StringComparer.Ordinal))}) " +
                $"than on PostgreSQL ({string.Join(", ", declared.Select(column => column.Name).Order(StringComparer.Ordinal))}).");
        }
        return [.. declared.Select(column => new Column(column.Name, column.Type switch
        {
            "bigint" => ColumnKind.Bigint,
            "double precision" => ColumnKind.Float8,
            "text" => ColumnKind.Text,
            _ => throw new CopyException($"copy-data cannot copy the column {table}.{column.Name} of type {column.Type}."),
        }))];
    }

    // Dapper's reader disposes its command with it. Microsoft.Data.Sqlite needs the open transaction on every command.
    private static Task<DbDataReader> ReadAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteReaderAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Name(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) is var builder && builder.Database is { Length: > 0 } name ? name : builder.Username ?? "(default)";
}
