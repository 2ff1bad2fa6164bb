using System.ComponentModel;
using System.Diagnostics;
using Dapper;
using Npgsql;

namespace HeritageRegistry.Backups;

/// <summary>
/// pg_dump and pg_restore (Debian's postgresql-client) on the configured PostgreSQL database. The connection goes to them
/// in libpq's environment variables (PGHOST, PGPASSWORD…), never on a command line another user could read.
/// </summary>
public static class PostgreSqlTools
{
    /// <summary>A consistent dump (one snapshot, while the site keeps writing) in pg_dump's custom format.</summary>
    public static Task DumpAsync(string connectionString, string path, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", path], connectionString, cancellationToken);

    /// <summary>Reads the dump's table of contents: a file that is not a whole custom-format dump fails here.</summary>
    public static Task CheckReadableAsync(string path, CancellationToken cancellationToken) =>
        RunAsync("pg_restore", ["--list", path], null, cancellationToken);

    /// <summary>Restores in one transaction, stopping at the first error; <paramref name="replace"/> drops what the dump
    /// holds first (restore --force).</summary>
    public static Task RestoreAsync(string connectionString, string path, bool replace, CancellationToken cancellationToken) =>
        RunAsync("pg_restore", ["--no-owner", "--single-transaction", "--exit-on-error", .. replace ? new[] { "--clean", "--if-exists" } : [],
            "--dbname", DatabaseName(connectionString), path], connectionString, cancellationToken);

    /// <summary>The database the connection string names (PostgreSQL's default: the user's own).</summary>
    public static string DatabaseName(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) is var settings && settings.Database is { Length: > 0 } name ? name : settings.Username ?? "postgres";

    /// <summary>The tables of the database's schema, to refuse restoring over a registry.</summary>
    public static async Task<List<string>> TablesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
            cancellationToken: cancellationToken))).AsList();
    }

    private static async Task RunAsync(string tool, IEnumerable<string> arguments, string? connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (connectionString is not null)
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            Set(start, "PGHOST", settings.Host);
            Set(start, "PGPORT", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Set(start, "PGDATABASE", settings.Database);
            Set(start, "PGUSER", settings.Username);
            Set(start, "PGPASSWORD", settings.Password);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new BackupException($"The PostgreSQL client tools are not installed ({tool} was not found); install Debian's postgresql-client, " +
                "or back up through the managed database service as the README describes.");
        }
        using (process)
        {
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed: {error.Trim().ReplaceLineEndings(" ")}");
            }
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }
}
