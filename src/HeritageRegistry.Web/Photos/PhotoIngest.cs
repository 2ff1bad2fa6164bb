using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Photos;

/// <summary>What the curator chose for a batch of photos.</summary>
public sealed record PhotoDetails(long SiteId, long? ReportId, string? Caption, string? Credit, string Licence, string? Phase);

public enum IngestStatus { Stored, Duplicate, Rejected }

public sealed record IngestResult(string FileName, IngestStatus Status, long? PhotoId, string Message);

/// <summary>
/// Takes one uploaded file to a stored photo: stream to a temporary file while hashing, refuse
/// duplicates, check the content, make the derived copies, move everything into place and write the
/// row. A failure at any step removes what that upload created: no orphan file, no half row.
/// </summary>
public sealed class PhotoIngest(PhotoProcessor processor, PhotoFiles files, RecordEditor editor, Database database, IOptions<PhotoOptions> options,
    ILogger<PhotoIngest> logger)
{
    // One upload per content hash at a time, so two copies of the same file cannot race for its paths.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public async Task<IngestResult> IngestAsync(string fileName, Stream upload, PhotoDetails details, long? userId, CancellationToken cancellationToken)
    {
        var temporary = files.NewTemporary();
        var created = new List<string>();
        try
        {
            var (sha256, length) = await CopyAndHashAsync(upload, temporary, cancellationToken);
            var gate = Locks.GetOrAdd(sha256, _ => new SemaphoreSlim(1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (await ExistingAsync(sha256, cancellationToken) is { } existing)
                {
                    return new IngestResult(fileName, IngestStatus.Duplicate, existing, "Already in the registry: the same file was uploaded before.");
                }
                await using var content = File.OpenRead(temporary);
                var facts = await processor.InspectAsync(content, cancellationToken);
                var thumbnail = temporary + "-thumb";
                var display = temporary + "-display";
                content.Position = 0;
                await processor.WriteDerivativesAsync(content, thumbnail, display, cancellationToken);
                await content.DisposeAsync();

                MoveIntoPlace(temporary, files.Original(sha256), created);
                MoveIntoPlace(thumbnail, files.Derived(sha256, "thumb"), created);
                MoveIntoPlace(display, files.Derived(sha256, "display"), created);

                var saved = await editor.CreateAsync(RecordType.Photo, new Dictionary<string, object?>
                {
                    ["sha256"] = sha256, ["site_id"] = details.SiteId, ["report_id"] = details.ReportId,
                    ["caption"] = details.Caption, ["credit"] = details.Credit, ["licence"] = details.Licence,
                    ["taken_date"] = facts.TakenAt?[..10], ["phase"] = details.Phase, ["width"] = facts.Width, ["height"] = facts.Height,
                    ["format"] = facts.Format, ["byte_size"] = length, ["exif_taken_at"] = facts.TakenAt, ["exif_camera"] = facts.Camera,
                    ["exif_latitude"] = facts.Latitude, ["exif_longitude"] = facts.Longitude, ["uploaded_by"] = userId,
                }, userId, $"Uploaded as {fileName}", cancellationToken);
                if (saved.Status != SaveStatus.Saved)
                {
                    return new IngestResult(fileName, IngestStatus.Rejected, null, saved.Message ?? "The photo could not be recorded.");
                }
                created.Clear(); // The row now owns the files.
                return new IngestResult(fileName, IngestStatus.Stored, saved.Id, $"Stored ({facts.Format.ToUpperInvariant()}, {facts.Width} × {facts.Height}).");
            }
            finally
            {
                gate.Release();
            }
        }
        catch (PhotoRejectedException ex)
        {
            return new IngestResult(fileName, IngestStatus.Rejected, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault of ours, not of the file; still one file's result, so the rest of its batch is reported.
            logger.LogError(ex, "Storing the upload {FileName} failed", fileName);
            return new IngestResult(fileName, IngestStatus.Rejected, null,
                "The photo could not be stored because of a fault on the server (it has been logged); nothing of it was kept. Try it again later.");
        }
        finally
        {
            foreach (var path in created)
            {
                File.Delete(path);
            }
            foreach (var leftover in new[] { temporary, temporary + "-thumb", temporary + "-display" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>Copies the upload to disk, never holding it whole in memory, and stops at the size limit.</summary>
    private async Task<(string Sha256, long Length)> CopyAndHashAsync(Stream upload, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = File.Create(path);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > options.Value.MaxBytes)
            {
                throw new PhotoRejectedException($"The file is larger than the {PhotoOptions.Describe(options.Value.MaxBytes)} limit.");
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (length == 0)
        {
            throw new PhotoRejectedException("The file is empty.");
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    /// <summary>Content-addressed: if the file is already there (same bytes), it is kept, not replaced.</summary>
    private static void MoveIntoPlace(string from, string to, List<string> created)
    {
        if (File.Exists(to))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);
        created.Add(to);
    }

    private async Task<long?> ExistingAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM photo WHERE sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken));
    }
}
