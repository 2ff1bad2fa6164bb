using Npgsql;

namespace HeritageRegistry.Benchmarks.Providers;

/// <summary>
/// A PostgreSQL server for the bench: HERITAGE_BENCH_POSTGRES, else HERITAGE_TEST_POSTGRES (the one `make test`
/// uses; `make bench` starts a throwaway cluster when neither is set). Each run gets empty databases of its own,
/// dropped after.
/// </summary>
public sealed class BenchPostgres(string server)
{
    private readonly List<string> _made = [];

    public static BenchPostgres? FromEnvironment() =>
        (Environment.GetEnvironmentVariable("HERITAGE_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("HERITAGE_TEST_POSTGRES"))
            is { Length: > 0 } server ? new BenchPostgres(server) : null;

    /// <summary>Makes an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "heritage_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        _made.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>The app's settings for a registry in that database.</summary>
    public static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Registry__Database__Provider"] = "postgresql", ["Registry__Database__ConnectionString"] = connectionString,
    };

    public async Task DropAllAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _made)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        _made.Clear();
    }

    // Database names come from this class only (a fixed prefix and hex digits), never from input.
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
