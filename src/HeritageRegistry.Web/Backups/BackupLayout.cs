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

    /// <summary>The photo files under <paramref name="folder"/>, as paths relative to it.</summary>
    public static IEnumerable<string> PhotoFiles(string folder) =>
        PhotoKinds.Select(kind => Path.Combine(folder, Photos, kind)).Where(Directory.Exists)
            .SelectMany(kindFolder => Directory.EnumerateFiles(kindFolder, "*", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(folder, file))
            .Order(StringComparer.Ordinal);

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
