using HeritageRegistry.Data;

namespace HeritageRegistry.Backups;

/// <summary>
/// Puts a verified backup into the configured registry. On SQLite the data folder must be empty or missing unless
/// <c>force</c> is given; then the database and photos already there are replaced (the site must be stopped). On
/// PostgreSQL the database must hold no tables and the data folder no photos unless <c>force</c> is given; then
/// pg_restore drops and recreates what the dump holds, and the photos are replaced.
/// </summary>
public static class RegistryRestore
{
    public static async Task<BackupSummary> RunAsync(string backup, RegistryOptions registry, bool force, CancellationToken cancellationToken)
    {
        backup = Path.GetFullPath(backup);
        var target = Path.GetFullPath(registry.DataDirectory);
        var postgreSql = registry.Database.IsPostgreSql;
        var database = BackupLayout.DatabaseFile(postgreSql);
        var manifest = await BackupManifest.ReadAsync(backup, cancellationToken);
        if (!manifest.Files.Any(file => file.Path == database))
        {
            throw new BackupException(manifest.Files.Any(file => file.Path == BackupLayout.DatabaseFile(!postgreSql))
                ? $"The backup {backup} holds a {(postgreSql ? "SQLite" : "PostgreSQL")} registry, but this registry is configured for {(postgreSql ? "PostgreSQL" : "SQLite")}; " +
                  "restore it with that provider's settings (copy-data moves a SQLite registry to PostgreSQL)."
                : $"The backup {backup} holds no {database}.");
        }
        await manifest.VerifyAsync(backup, cancellationToken);
        await BackupLayout.CheckDatabaseAsync(Path.Combine(backup, database), cancellationToken);

        if (postgreSql)
        {
            await RefuseUnlessForcedAsync(registry, force, cancellationToken);
            await PostgreSqlTools.RestoreAsync(registry.Database.ConnectionString!, Path.Combine(backup, database), replace: force, cancellationToken);
        }
        else if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            if (!force)
            {
                throw new BackupException($"The data folder {target} is not empty; restore into an empty folder, or pass --force to replace its database and photos.");
            }
            foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => Path.Combine(target, BackupLayout.Database + suffix)))
            {
                File.Delete(file);
            }
        }
        if (force)
        {
            foreach (var photo in BackupLayout.PhotoFiles(registry).ToList())
            {
                File.Delete(BackupLayout.InRegistry(registry, photo));
            }
        }

        // The dump went into the database; SQLite's file into the data folder; the photos into the photo folder.
        var copied = manifest.Files.Where(file => file.Path != BackupLayout.PostgreSqlDump).ToList();
        foreach (var file in copied)
        {
            var copy = BackupLayout.InRegistry(registry, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(backup, file.Path), copy, overwrite: true);
        }
        // What landed must be what the manifest promised.
        await (manifest with { Files = copied }).VerifyAsync(path => BackupLayout.InRegistry(registry, path), cancellationToken);
        return new BackupSummary(manifest.Files.Count, manifest.Files.Sum(file => file.Size));
    }

    private static async Task RefuseUnlessForcedAsync(RegistryOptions registry, bool force, CancellationToken cancellationToken)
    {
        if (force)
        {
            return;
        }
        var connectionString = registry.Database.ConnectionString!;
        if (await PostgreSqlTools.TablesAsync(connectionString, cancellationToken) is { Count: > 0 } tables)
        {
            throw new BackupException($"The PostgreSQL database {PostgreSqlTools.DatabaseName(connectionString)} is not empty (it holds {tables.Count} tables); " +
                "restore into an empty database, or pass --force to replace what the backup holds.");
        }
        if (BackupLayout.PhotoFiles(registry).Any())
        {
            throw new BackupException($"The photo folder {registry.PhotoPath} already holds photos; restore into one without, or pass --force to replace them.");
        }
    }
}
