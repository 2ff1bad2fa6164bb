using System.Security.Cryptography;
using System.Text.Json;

namespace HeritageRegistry.Backups;

/// <summary>One copied file: its path inside the backup (forward slashes), size and SHA-256.</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// manifest.json beside the copied files: every file the backup holds (the database and each photo),
/// so a backup can prove later that nothing in it changed.
/// </summary>
public sealed record BackupManifest(DateTimeOffset CreatedAt, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupFile> DescribeAsync(string folder, string relativePath, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(folder, relativePath);
        return new BackupFile(relativePath.Replace('\\', '/'), new FileInfo(path).Length, await HashAsync(path, cancellationToken));
    }

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(System.IO.Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{folder} is not a backup: it has no {FileName}.");
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken)
                ?? throw new BackupException($"The manifest {path} is empty.");
        }
        catch (JsonException)
        {
            throw new BackupException($"The manifest {path} is not valid JSON.");
        }
    }

    /// <summary>Re-hashes every listed file under <paramref name="folder"/>; the first that is missing or differs is named.</summary>
    public async Task VerifyAsync(string folder, CancellationToken cancellationToken)
    {
        var root = System.IO.Path.GetFullPath(folder);
        foreach (var file in Files)
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, file.Path));
            // A manifest names files inside its own folder only.
            if (!path.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupException($"The manifest names {file.Path}, which is outside the backup.");
            }
            if (!File.Exists(path))
            {
                throw new BackupException($"{file.Path} is listed in the manifest but missing from {folder}.");
            }
            if (new FileInfo(path).Length != file.Size || await HashAsync(path, cancellationToken) != file.Sha256)
            {
                throw new BackupException($"{file.Path} in {folder} does not match its SHA-256 in the manifest.");
            }
        }
    }
}

/// <summary>A backup or restore that cannot go on; the message is the one sentence the command prints.</summary>
public sealed class BackupException(string message) : Exception(message);
