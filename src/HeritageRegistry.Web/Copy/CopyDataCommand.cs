using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeritageRegistry.Copy;

/// <summary>
/// <c>dotnet run -- copy-data --to-postgresql CONNECTION</c> copies the configured SQLite registry into an empty
/// PostgreSQL database and verifies it; <c>copy-data --verify-postgresql CONNECTION</c> verifies a copy made before.
/// Both print each table's rows and checksum on both sides and a verdict. Exit code 0 when every table is the same,
/// 1 on any difference or with one sentence when the copy cannot go on, 2 on bad usage.
/// </summary>
public static class CopyDataCommand
{
    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] == "copy-data";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (args is not ["copy-data", "--to-postgresql" or "--verify-postgresql", var connectionString])
        {
            await error.WriteLineAsync("Usage: copy-data --to-postgresql CONNECTION | copy-data --verify-postgresql CONNECTION\n" +
                "CONNECTION is an Npgsql connection string, e.g. \"Host=db.example.org;Database=registry;Username=registry;Password=…\".");
            return 2;
        }
        if (ConnectionStringProblem(connectionString) is { } problem)
        {
            await error.WriteLineAsync($"CONNECTION is not a PostgreSQL connection string: {problem}");
            return 2;
        }
        var registry = services.GetRequiredService<IOptions<RegistryOptions>>().Value;
        if (registry.Database.IsPostgreSql)
        {
            await error.WriteLineAsync("copy-data copies a SQLite registry, but this one is configured for PostgreSQL; run it with the SQLite data folder's settings.");
            return 1;
        }
        if (!File.Exists(registry.DatabasePath))
        {
            await error.WriteLineAsync($"There is no SQLite registry at {registry.DatabasePath} to copy.");
            return 1;
        }
        var copy = new PostgreSqlCopy(registry, services.GetRequiredService<MigrationRunner>(), services.GetRequiredService<ILogger<MigrationRunner>>());
        try
        {
            var comparisons = args[1] == "--to-postgresql"
                ? await copy.CopyAsync(connectionString, CancellationToken.None)
                : await copy.VerifyAsync(connectionString, CancellationToken.None);
            await output.WriteLineAsync(Table(comparisons));
            var different = comparisons.Where(comparison => !comparison.Same).Select(comparison => comparison.Table).ToList();
            if (different.Count > 0)
            {
                await error.WriteLineAsync($"The PostgreSQL copy differs from {registry.DatabasePath} in {string.Join(", ", different)}.");
                return 1;
            }
            await output.WriteLineAsync($"Verified: every table of {registry.DatabasePath} has the same rows and checksum on PostgreSQL.");
            return 0;
        }
        catch (Exception exception) when (exception is CopyException or NpgsqlException or SqliteException or MigrationChangedException)
        {
            await error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message; // names the key, never a password's value
        }
    }

    private static string Table(IReadOnlyList<TableComparison> comparisons)
    {
        var lines = new List<string> { $"{"table",-22} {"SQLite rows",12} {"PostgreSQL rows",16}  {"checksum",-32}  same" };
        lines.AddRange(comparisons.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Table,-22} {c.Sqlite.Rows,12} {c.PostgreSql.Rows,16}  {c.PostgreSql.Checksum}  {(c.Same ? "yes" : "NO, SQLite " + c.Sqlite.Checksum)}")));
        return string.Join(Environment.NewLine, lines);
    }
}
