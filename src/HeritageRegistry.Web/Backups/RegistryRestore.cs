namespace HeritageRegistry.Backups;

/// <summary>
/// Puts a verified backup into a data folder. The folder must be empty or missing unless
/// <c>force</c> is given; then the database and photos already there are replaced (the site must be stopped).
/// </summary>
public static class RegistryRestore
{
    public static async Task<BackupSummary> RunAsync(string backup, string dataDirectory, bool force, CancellationToken cancellationToken)
    {
        backup = Path.GetFullPath(backup);
        var target = Path.GetFullPath(dataDirectory);
        var manifest = await BackupManifest.ReadAsync(backup, cancellationToken);
        if (!manifest.Files.Any(file => file.Path == BackupLayout.Database))
        {
            throw new BackupException($"The backup {backup} holds no {BackupLayout.Database}.");
        }
        await manifest.VerifyAsync(backup, cancellationToken);
        await BackupLayout.CheckIntegrityAsync(Path.Combine(backup, BackupLayout.Database), cancellationToken);

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            if (!force)
            {
                throw new BackupException($"The data folder {target} is not empty; restore into an empty folder, or pass --force to replace its database and photos.");
            }
            foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => Path.Combine(target, BackupLayout.Database + suffix)))
            {
                File.Delete(file);
            }
            if (Directory.Exists(Path.Combine(target, BackupLayout.Photos)))
            {
                Directory.Delete(Path.Combine(target, BackupLayout.Photos), recursive: true);
            }
        }

        foreach (var file in manifest.Files)
        {
            var copy = Path.Combine(target, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(backup, file.Path), copy);
        }
        // What landed must be what the manifest promised.
        await manifest.VerifyAsync(target, cancellationToken);
        return new BackupSummary(manifest.Files.Count, manifest.Files.Sum(file => file.Size));
    }
}
