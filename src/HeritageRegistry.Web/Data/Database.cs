using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Data;

/// <summary>
/// The one place that opens connections: every connection gets the same pragmas. Connections are lent out
/// and come back open when disposed (<see cref="ReusableConnection"/>), keeping their compiled statements.
/// </summary>
public sealed class Database : IDisposable
{
    // Enough for every request the thread pool runs at once to come back to a warm connection.
    private static readonly int MaxIdle = Math.Max(16, Environment.ProcessorCount * 4);

    private readonly string _connectionString;
    private readonly ConcurrentBag<ReusableConnection> _idle = [];
    private int _walSet;

    static Database()
    {
        // Columns are snake_case, read models PascalCase: map them once, here.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public Database(IOptions<RegistryOptions> options)
    {
        var path = options.Value.DatabasePath;
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

    /// <summary>Called with every connection this class opens; tests attach SQLite tracing here to count statements.</summary>
    internal Action<SqliteConnection>? OnOpened { get; set; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
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
        OnOpened?.Invoke(connection);
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
    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Retire();
        }
    }
}
