using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeritageRegistry.Data;

/// <summary>The one place that opens connections, to the SQLite file or the PostgreSQL database the configuration names.</summary>
public sealed class Database : IAsyncDisposable
{
    private readonly DbDataSource _source;
    private readonly string _startupLockFile;

    static Database()
    {
        // Columns are snake_case, read models PascalCase: map them once, here.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public Database(IOptions<RegistryOptions> options)
    {
        var settings = options.Value.Database;
        (_source, Dialect) = settings.IsPostgreSql
            ? (NpgsqlDataSource.Create(PostgreSqlConnectionString(settings.ConnectionString!)), SqlDialect.PostgreSql)
            : ((DbDataSource)new SqliteFileSource(options.Value.DatabasePath), SqlDialect.Sqlite);
        _startupLockFile = options.Value.DatabasePath + ".startup-lock";
    }

    public SqlDialect Dialect { get; }

    /// <summary>
    /// The configured connection string, with two of Npgsql's settings changed unless it sets them itself:
    /// <list type="bullet">
    /// <item>automatic preparation on: a page's statements are the same few texts every time, and PostgreSQL planned
    /// each anew (a few milliseconds for the public filter's EXISTS clauses), where SQLite keeps its compiled statements;</item>
    /// <item>no reset when a connection goes back to the pool: the reset is seven statements sent with the next use
    /// (about a quarter of a report page's throughput). The app keeps no session state on pooled connections:
    /// the start-up lock is released explicitly and the listener has a connection of its own (<see cref="OpenOwnPostgreSqlAsync"/>).</item>
    /// </list>
    /// </summary>
    internal static string PostgreSqlConnectionString(string configured)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 200;
        }
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// A PostgreSQL connection outside the pool, named in pg_stat_activity, for a session that keeps state of its own
    /// (LISTEN): pooled connections are not reset between uses.
    /// </summary>
    public async Task<NpgsqlConnection> OpenOwnPostgreSqlAsync(string applicationName, CancellationToken cancellationToken)
    {
        var own = new NpgsqlConnectionStringBuilder(((NpgsqlDataSource)_source).ConnectionString) { Pooling = false, ApplicationName = applicationName };
        var connection = new NpgsqlConnection(own.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Called with every connection this class opens; tests attach SQLite tracing here to count statements.</summary>
    internal Action<DbConnection>? OnOpened { get; set; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        OnOpened?.Invoke(connection);
        return connection;
    }

    /// <summary>Refreshes the planner's statistics after rows were written in bulk (<see cref="SqlDialect.Analyze"/>); nothing on SQLite.</summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken)
    {
        if (Dialect.Analyze is { } analyze)
        {
            await using var connection = await OpenAsync(cancellationToken);
            // The command type is given because Dapper takes one bare word for a procedure's name.
            await connection.ExecuteAsync(new CommandDefinition(analyze, commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Held while the app migrates, rebuilds the search index and seeds at start-up, so nodes starting together
    /// on one PostgreSQL database take turns (the second finds the work done): an advisory lock there, and on
    /// SQLite an exclusive lock on a file beside the database (two processes starting on one file, e.g. the site and
    /// the users command). The lock file stays, so every process locks the same file.
    /// </summary>
    public async Task<IAsyncDisposable> HoldStartupLockAsync(CancellationToken cancellationToken)
    {
        if (Dialect.StartupLock is not { } statements)
        {
            while (true)
            {
                try
                {
                    return new FileStream(_startupLockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    await Task.Delay(50, cancellationToken); // another process, or another app in this one, is starting
                }
            }
        }
        var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(statements.Take, cancellationToken: cancellationToken));
        return new StartupLock(connection, statements.Release);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private sealed class StartupLock(DbConnection connection, string release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Released explicitly: the pool keeps the session (and a session lock) alive after Dispose.
            await connection.ExecuteAsync(release);
            await connection.DisposeAsync();
        }
    }
}
