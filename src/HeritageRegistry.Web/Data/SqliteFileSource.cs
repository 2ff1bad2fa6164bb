using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HeritageRegistry.Data;

/// <summary>
/// Opens connections to the registry's SQLite file, each with the same pragmas: what NpgsqlDataSource
/// is for PostgreSQL (Microsoft.Data.Sqlite has no data source of its own). Connections are lent out and
/// come back open when disposed (<see cref="ReusableConnection"/>), keeping their compiled statements.
/// </summary>
internal sealed class SqliteFileSource : DbDataSource
{
    // Enough for every request the thread pool runs at once to come back to a warm connection.
    private static readonly int MaxIdle = Math.Max(16, Environment.ProcessorCount * 4);

    private readonly string _connectionString;
    private readonly ConcurrentBag<ReusableConnection> _idle = [];
    private int _walSet;

    public SqliteFileSource(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Built once; pooling keeps opening a connection per store call cheap.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string ConnectionString => _connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(_connectionString);

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (!_idle.TryTake(out var connection))
        {
            connection = new ReusableConnection(_connectionString, GiveBack);
            await connection.OpenAsync(cancellationToken);
            // The busy timeout makes a writer wait for another instead of failing at once; it and
            // foreign keys belong to the connection. WAL (readers beside a writer) is stored in
            // the file itself, so it is set once, by the first connection.
            await using var command = connection.CreateCommand();
            command.CommandText = (Interlocked.Exchange(ref _walSet, 1) == 0 ? "PRAGMA journal_mode = WAL; " : "")
                + "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        connection.Lend();
        return connection;
    }

    private bool GiveBack(ReusableConnection connection)
    {
        if (_idle.Count >= MaxIdle)
        {
            return false;
        }
        _idle.Add(connection);
        return true;
    }

    /// <summary>Closes the idle connections (the app is stopping, or a test is about to remove the files).</summary>
    protected override void Dispose(bool disposing)
    {
        while (disposing && _idle.TryTake(out var connection))
        {
            connection.Retire();
        }
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        await base.DisposeAsyncCore();
    }
}
