using HeritageRegistry.Data;
using Microsoft.Data.Sqlite;

namespace HeritageRegistry.Backups;

/// <summary>What a data folder and a backup hold, in the same layout: registry.db (SQLite) and photos/ (originals and
/// derived copies; photos/tmp holds unfinished uploads and is never copied). A backup of a PostgreSQL registry holds
/// registry.dump, pg_dump's custom format, in place of registry.db.</summary>
public static class BackupLayout
{
    public const string Database = "registry.db";

    public const string PostgreSqlDump = "registry.dump";

    public static string DatabaseFile(bool postgreSql) => postgreSql ? PostgreSqlDump : Database;

    /// <summary>Checks a backup's database file: SQLite's integrity check, or that pg_restore reads the dump's table of contents (the manifest's SHA-256 guards its bytes).</summary>
    public static Task CheckDatabaseAsync(string path, CancellationToken cancellationToken) =>
        Path.GetFileName(path) == PostgreSqlDump ? PostgreSqlTools.CheckReadableAsync(path, cancellationToken) : CheckIntegrityAsync(path, cancellationToken);

    public const string Photos = "photos";

    private static readonly string[] PhotoKinds = ["originals", "derived"];

    /// <summary>The registry's photo files (under Registry:PhotoPath, which may be a folder shared by several web
    /// nodes outside the data folder), as paths inside a backup: photos/originals/..., photos/derived/....</summary>
    public static IEnumerable<string> PhotoFiles(RegistryOptions registry) =>
        PhotoKinds.Select(kind => Path.Combine(registry.PhotoPath, kind)).Where(Directory.Exists)
            .SelectMany(kindFolder => Directory.EnumerateFiles(kindFolder, "*", SearchOption.AllDirectories))
            .Select(file => Path.Combine(Photos, Path.GetRelativePath(registry.PhotoPath, file)))
            .Order(StringComparer.Ordinal);

    /// <summary>Where a file of a backup lives in the registry: photos/ under the photo folder, the rest under the data folder.</summary>
    public static string InRegistry(RegistryOptions registry, string backupPath) =>
        Path.GetRelativePath(Photos, backupPath) is var photo && !photo.StartsWith("..", StringComparison.Ordinal) && photo != "."
            ? Path.Combine(registry.PhotoPath, photo)
            : Path.Combine(Path.GetFullPath(registry.DataDirectory), backupPath);

    /// <summary>Runs <c>PRAGMA integrity_check</c> on a database file that nothing else uses.</summary>
    public static async Task CheckIntegrityAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (result != "ok")
        {
            throw new BackupException($"The database {databasePath} fails SQLite's integrity check: {result}");
        }
    }
}
