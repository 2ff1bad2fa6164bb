using System.Data;
using System.Data.Common;
using HeritageRegistry.Search.FullText;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HeritageRegistry.Data;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL or behave differently; everything else
/// is one SQL text for both. Stores ask <see cref="Database.Dialect"/> (or <see cref="Of"/> for a
/// connection they were handed) rather than testing which database they are on.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect PostgreSql = new PostgreSqlDialect();

    /// <summary>The provider's name: the value of Registry:Database:Provider and its folder under migrations/.</summary>
    public abstract string Provider { get; }

    /// <summary>The full-text index of the public records' folded text.</summary>
    public abstract IFullTextIndex FullText { get; }

    /// <summary>The dialect of a connection a caller was handed, as Dapper.Contrib picks its SQL adapter.</summary>
    public static SqlDialect Of(IDbConnection connection) => connection switch
    {
        NpgsqlConnection => PostgreSql,
        SqliteConnection => Sqlite,
        _ => throw new ArgumentException($"No SQL dialect for {connection.GetType().Name}.", nameof(connection)),
    };

    /// <summary>The write failed on a unique constraint (a slug or reference taken by a concurrent write).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>A read-only transaction whose statements all see one moment of the database.</summary>
    public abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A test that an expression is one of a list parameter's values. Dapper expands the list into
    /// (@p1, @p2, …) for SQLite but passes it to Npgsql as one array, which IN cannot take.</summary>
    public abstract string InList(string expression, string parameter);

    /// <summary>A test that a text expression is one or more ASCII digits and nothing else.</summary>
    public abstract string IsDigits(string expression);

    /// <summary>Statements that take and release a lock every process starting on this database shares, so only
    /// one migrates and seeds at a time; null for SQLite, which locks a file instead (Database.HoldStartupLockAsync).</summary>
    public virtual (string Take, string Release)? StartupLock => null;

    /// <summary>The statement that refreshes the planner's statistics after start-up wrote rows (migrations, the seed,
    /// a rebuilt index); null for SQLite, whose planner the app's SQL is written for without them.</summary>
    public virtual string? Analyze => null;

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Provider => DatabaseOptions.Sqlite;

        public override IFullTextIndex FullText { get; } = new Fts5Index();

        public override bool IsUniqueViolation(DbException exception) =>
            exception is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ };

        // Deferred: a read takes no write lock; WAL gives it one snapshot from its first read.
        public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
            ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

        public override string InList(string expression, string parameter) => $"{expression} IN {parameter}";

        public override string IsDigits(string expression) => $"({expression} <> '' AND {expression} NOT GLOB '*[^0-9]*')";

    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        // Any fixed number shared by every node of one registry; the database scopes it.
        private const long StartupLockKey = 0x4865726974616765; // "Heritage"

        public override string Provider => DatabaseOptions.PostgreSql;

        public override IFullTextIndex FullText { get; } = new PostgreSqlTextIndex();

        public override bool IsUniqueViolation(DbException exception) =>
            exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

        public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
            connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        public override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

        public override string IsDigits(string expression) => $"({expression} ~ '^[0-9]+$')";

        public override (string Take, string Release)? StartupLock =>
            ($"SELECT pg_advisory_lock({StartupLockKey})", $"SELECT pg_advisory_unlock({StartupLockKey})");

        // Autovacuum analyses a table only once 50 rows and a tenth of it have changed, so the seeded registry's
        // small tables (48 places) kept no statistics, and PostgreSQL planned pages on guesses: measured, the place
        // page served 500 req/s before ANALYZE and 1,375 after (SQLite, in the same session: 1,697).
        public override string? Analyze => "ANALYZE";
    }
}
