using HeritageRegistry.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeritageRegistry.Backups;

/// <summary>
/// <c>dotnet run -- backup PATH</c> copies the configured registry (its database, SQLite's file or PostgreSQL's by
/// pg_dump, and the photos of the data folder, Registry:DataDirectory) while the site may be running;
/// <c>dotnet run -- restore PATH [--force]</c> verifies a backup and puts it into that database and folder.
/// Neither starts the web server. Exit code 0 with a one-line summary, 1 with one sentence on failure, 2 on bad usage.
/// </summary>
public static class BackupCommand
{
    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var registry = services.GetRequiredService<IOptions<RegistryOptions>>().Value;
        try
        {
            switch (args)
            {
                case ["backup", var path]:
                    var backup = await RegistryBackup.CreateAsync(registry, path, CancellationToken.None);
                    await output.WriteLineAsync($"Backed up {Registry(registry)} to {Path.GetFullPath(path)}: {Describe(backup)}, integrity and SHA-256 manifest verified.");
                    return 0;
                case ["restore", var path, .. var options] when options is [] or ["--force"]:
                    var restore = await RegistryRestore.RunAsync(path, registry, force: options is ["--force"], CancellationToken.None);
                    await output.WriteLineAsync($"Restored {Path.GetFullPath(path)} into {Registry(registry)}: {Describe(restore)}, verified against the manifest.");
                    return 0;
                default:
                    await error.WriteLineAsync("Usage: backup PATH | restore PATH [--force]");
                    return 2;
            }
        }
        catch (Exception exception) when (exception is BackupException or IOException or UnauthorizedAccessException or SqliteException or NpgsqlException)
        {
            await error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    private static string Registry(RegistryOptions registry) => registry.Database.IsPostgreSql
        ? $"the PostgreSQL database {PostgreSqlTools.DatabaseName(registry.Database.ConnectionString!)} and {Path.GetFullPath(registry.DataDirectory)}"
        : Path.GetFullPath(registry.DataDirectory);

    private static string Describe(BackupSummary summary) =>
        $"the database and {summary.Files - 1} photo files, {summary.Bytes / 1024.0 / 1024.0:0.0} MB";
}
