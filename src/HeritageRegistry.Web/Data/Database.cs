using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Data;

/// <summary>The one place that opens connections: every connection gets the same pragmas.</summary>
public sealed class Database
{
    private readonly string _connectionString;
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
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // The busy timeout makes a writer wait for another instead of failing at once; it and
        // foreign keys belong to the connection. WAL (readers beside a writer) is stored in
        // the file itself, so it is set once, by the first connection.
        await using var command = connection.CreateCommand();
        command.CommandText = (Interlocked.Exchange(ref _walSet, 1) == 0 ? "PRAGMA journal_mode = WAL; " : "")
            + "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        OnOpened?.Invoke(connection);
        return connection;
    }
}
