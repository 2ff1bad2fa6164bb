using HeritageRegistry.Data;
using Microsoft.Data.Sqlite;

namespace HeritageRegistry.Backups;

public sealed record BackupSummary(int Files, long Bytes);

/// <summary>
/// Copies a registry that may be in use. The database goes first, as a snapshot at one transaction taken while
/// the site keeps reading and writing: SQLite's online backup (WAL mode) of registry.db, or pg_dump of the
/// PostgreSQL database into registry.dump; then the photo files. Photos are content-addressed, written by rename and never changed, so every photo
/// the copied database names was already in place when its row was committed and is copied after.
/// The copy is built in a sibling folder, verified, and only then moved to its name.
/// </summary>
public static class RegistryBackup
{
    public static async Task<BackupSummary> CreateAsync(RegistryOptions registry, string target, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(registry.DataDirectory);
        var postgreSql = registry.Database.IsPostgreSql;
        var database = BackupLayout.DatabaseFile(postgreSql);
        target = Path.GetFullPath(target);
        if (!postgreSql && !File.Exists(Path.Combine(source, BackupLayout.Database)))
        {
            throw new BackupException($"There is no registry database in {source} to back up.");
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() || File.Exists(target))
        {
            throw new BackupException($"{target} already exists and is not empty; choose a new folder for the backup.");
        }

        var building = target + ".partial";
        if (Directory.Exists(building))
        {
            Directory.Delete(building, recursive: true);
        }
        Directory.CreateDirectory(building);
        try
        {
            if (postgreSql)
            {
                await PostgreSqlTools.DumpAsync(registry.Database.ConnectionString!, Path.Combine(building, database), cancellationToken);
            }
            else
            {
                CopyDatabase(Path.Combine(source, BackupLayout.Database), Path.Combine(building, BackupLayout.Database));
            }
            var files = new List<BackupFile> { await BackupManifest.DescribeAsync(building, database, cancellationToken) };
            foreach (var photo in BackupLayout.PhotoFiles(registry))
            {
                var copy = Path.Combine(building, photo);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(BackupLayout.InRegistry(registry, photo), copy);
                files.Add(await BackupManifest.DescribeAsync(building, photo, cancellationToken));
            }
            var manifest = new BackupManifest(DateTimeOffset.UtcNow, files);
            await manifest.WriteAsync(building, cancellationToken);

            await BackupLayout.CheckDatabaseAsync(Path.Combine(building, database), cancellationToken);
            await manifest.VerifyAsync(building, cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }
            Directory.Move(building, target);
            return new BackupSummary(files.Count, files.Sum(file => file.Size));
        }
        catch
        {
            Directory.Delete(building, recursive: true);
            throw;
        }
    }

    private static void CopyDatabase(string livePath, string copyPath)
    {
        // Read-write (never create) so the live WAL and its index can be read; a busy timeout lets the
        // snapshot wait out a checkpoint rather than fail.
        using var live = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = livePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false }.ToString());
        live.Open();
        copy.Open();
        live.BackupDatabase(copy);
        // The copy is one self-contained file: no WAL beside it to lose.
        using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE";
        command.ExecuteNonQuery();
    }
}
