using Dapper;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HeritageRegistry.IntegrationTests.Storage;

/// <summary>The real program, started as an operator starts it, stops by itself with one sentence when it cannot serve.</summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    private string DatabasePath => Path.Combine(_folder, "registry.db");

    [SqliteOnlyFact("a damaged database file is SQLite's; a PostgreSQL server checks its own pages")]
    public async Task A_database_file_of_garbage_stops_the_start_with_one_clear_sentence()
    {
        await File.WriteAllBytesAsync(DatabasePath, Garbage(20_000));

        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60));

        AssertRefused(run, $"cannot start: the database {DatabasePath} is damaged or is not a SQLite database");
    }

    [SqliteOnlyFact("a damaged database file is SQLite's; a PostgreSQL server checks its own pages")]
    public async Task A_database_damaged_inside_stops_the_start_instead_of_failing_every_page()
    {
        using (var seeded = new RegistryFactory(_folder))
        {
            _ = seeded.Services; // starts the app: migrations and the Palmyra seed
        }
        SqliteConnection.ClearAllPools();
        await CheckpointAsync();
        // The header and schema survive; the pages holding the records do not.
        await using (var file = File.OpenWrite(DatabasePath))
        {
            var half = file.Length / 2 / 4096 * 4096;
            file.Position = half;
            await file.WriteAsync(Garbage((int)(file.Length - half)));
        }

        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60));

        AssertRefused(run, $"cannot start: the database {DatabasePath} is damaged");
    }

    /// <summary>
    /// Moves every committed page from the write-ahead log into the file and empties the log, so the damage below
    /// reaches the records: pages still in the log would be read from there, past the damage. The app's last connection
    /// normally does this as it closes. Once, in a loaded suite, the damaged file passed SQLite's check and the app
    /// started; a connection still open as the factory stopped would have kept the pages in the log.
    /// </summary>
    private async Task CheckpointAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        for (var attempt = 0; ; attempt++)
        {
            // Its first column is 1 when another connection blocked it.
            var (blocked, _, _) = await connection.QuerySingleAsync<(long, long, long)>("PRAGMA wal_checkpoint(TRUNCATE)");
            if (blocked == 0 || attempt == 100)
            {
                Assert.Equal(0, blocked);
                return;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_reference_prefix_that_is_not_capitals_stops_the_start_with_one_clear_sentence()
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), environment: new Dictionary<string, string> { ["Registry__ReferencePrefix"] = "pal-" });

        AssertRefused(run, "Registry:ReferencePrefix must be a capital letter followed by at most 15 capitals or digits");
    }

    [Fact]
    public async Task A_database_provider_the_registry_does_not_know_stops_the_start_with_one_clear_sentence()
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), environment: new Dictionary<string, string> { ["Registry__Database__Provider"] = "mysql" });

        AssertRefused(run, "Registry:Database:Provider must be sqlite or postgresql, not 'mysql'.");
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_the_start_with_one_clear_sentence()
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), environment: new Dictionary<string, string>
        {
            ["Registry__Database__Provider"] = "postgresql",
            ["Registry__Database__ConnectionString"] = " ",
        });

        AssertRefused(run, "Registry:Database:ConnectionString must name the PostgreSQL server and database");
    }

    [Fact]
    public async Task A_PostgreSQL_connection_string_that_does_not_parse_stops_the_start_with_one_clear_sentence()
    {
        var run = await AppProcess.RunAsync(_folder, TimeSpan.FromSeconds(60), environment: new Dictionary<string, string>
        {
            ["Registry__Database__Provider"] = "postgresql",
            ["Registry__Database__ConnectionString"] = "Host=db.example.org;Colour=blue",
        });

        AssertRefused(run, "Registry:Database:ConnectionString is not a PostgreSQL connection string");
    }

    private static void AssertRefused(AppProcess.Result run, string sentence)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(sentence, run.StandardError);
        Assert.DoesNotContain("   at ", run.StandardError);
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(10).NextBytes(bytes);
        return bytes;
    }
}
