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
    public Task VerifyAsync(string folder, CancellationToken cancellationToken) =>
        VerifyAsync(path => System.IO.Path.Combine(folder, path), cancellationToken);

    /// <summary>Re-hashes every listed file where <paramref name="locate"/> puts it (a restored registry keeps its
    /// photos apart from its database); the first that is missing or differs is named.</summary>
    public async Task VerifyAsync(Func<string, string> locate, CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            // A manifest names files inside its own folder only: no rooted path, no way up.
            if (System.IO.Path.IsPathRooted(file.Path) || file.Path.Split('/', '\\').Contains(".."))
            {
                throw new BackupException($"The manifest names {file.Path}, which is outside the backup.");
            }
            var path = locate(file.Path);
            if (!File.Exists(path))
            {
                throw new BackupException($"{file.Path} is listed in the manifest but missing from {System.IO.Path.GetDirectoryName(path)}.");
            }
            if (new FileInfo(path).Length != file.Size || await HashAsync(path, cancellationToken) != file.Sha256)
            {
                throw new BackupException($"{file.Path} in {System.IO.Path.GetDirectoryName(path)} does not match its SHA-256 in the manifest.");
            }
        }
    }
}

/// <summary>A backup or restore that cannot go on; the message is the one sentence the command prints.</summary>
public sealed class BackupException(string message) : Exception(message);
