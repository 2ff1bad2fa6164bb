using System.Data.Common;
using HeritageRegistry.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// Which database the suite runs on. By default each test app has its own SQLite file in its data folder;
/// with <c>HERITAGE_TEST_POSTGRES</c> set to a connection string of a PostgreSQL server, each data folder has
/// its own throwaway PostgreSQL database instead, created with the folder and dropped with it (TempFolder).
/// The database's name comes from the folder's, so a second app started on a folder finds the first one's data.
/// </summary>
public static class TestDatabase
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("HERITAGE_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool IsPostgreSql => Server is not null;

    public static string Provider => IsPostgreSql ? DatabaseOptions.PostgreSql : DatabaseOptions.Sqlite;

    /// <summary>The app's settings that point it at the folder's database (none for SQLite: the file is in the folder).</summary>
    public static IReadOnlyDictionary<string, string> Settings(string dataDirectory) => IsPostgreSql
        ? new Dictionary<string, string>
        {
            ["Registry:Database:Provider"] = DatabaseOptions.PostgreSql,
            ["Registry:Database:ConnectionString"] = ConnectionString(dataDirectory),
        }
        : new Dictionary<string, string>();

    /// <summary>The folder's database, for a test to look at or change what an app wrote there (unpooled: nothing stays open).</summary>
    public static async Task<DbConnection> OpenAsync(string dataDirectory)
    {
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString(dataDirectory)) { Pooling = false }.ToString())
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "registry.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The app's own connection factory for the folder (dispose it when done).</summary>
    public static Database DatabaseFor(string dataDirectory)
    {
        var options = new RegistryOptions { DataDirectory = dataDirectory };
        if (IsPostgreSql)
        {
            options.Database = new DatabaseOptions { Provider = DatabaseOptions.PostgreSql, ConnectionString = ConnectionString(dataDirectory) };
        }
        return new Database(Options.Create(options));
    }

    internal static void Create(string dataDirectory)
    {
        if (IsPostgreSql)
        {
            // Byte-order collation and ctype: text sorts, compares and lower-cases as on SQLite.
            Admin($"CREATE DATABASE {Name(dataDirectory)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
    }

    internal static void Drop(string dataDirectory)
    {
        if (IsPostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {Name(dataDirectory)} WITH (FORCE)");
        }
        else
        {
            // Pooled connections keep the SQLite file open; release them before deleting.
            SqliteConnection.ClearAllPools();
        }
    }

    private static string ConnectionString(string dataDirectory) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = Name(dataDirectory) }.ToString();

    // The folder's last part is a GUID in hex (TempFolder): a safe identifier as it is.
    private static string Name(string dataDirectory) => "heritage_test_" + Path.GetFileName(dataDirectory.TrimEnd(Path.DirectorySeparatorChar));

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs a PostgreSQL server beside SQLite (one comparing the two); skipped without HERITAGE_TEST_POSTGRES.</summary>
public sealed class BothProvidersFactAttribute : FactAttribute
{
    public BothProvidersFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = "Compares SQLite with PostgreSQL: set HERITAGE_TEST_POSTGRES to a PostgreSQL server's connection string.";
        }
    }
}

/// <summary>A test of something only SQLite has (its file, its pragmas, its backup); skipped on PostgreSQL with the reason.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = $"SQLite only: {reason}";
        }
    }
}

/// <summary>A test of something only PostgreSQL has (several web nodes over one database, pg_dump and pg_restore); skipped on SQLite with the reason.</summary>
public sealed class PostgreSqlOnlyFactAttribute : FactAttribute
{
    public PostgreSqlOnlyFactAttribute(string reason)
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = $"PostgreSQL only ({reason}): set HERITAGE_TEST_POSTGRES to a PostgreSQL server's connection string.";
        }
    }
}
