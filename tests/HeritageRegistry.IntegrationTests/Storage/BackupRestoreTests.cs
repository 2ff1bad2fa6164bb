using HeritageRegistry.Accounts;
using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using HeritageRegistry.Backups;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Storage;

/// <summary>The backup and restore commands: a consistent copy of a registry in use, and a restore that checks before it writes.
/// On SQLite the restore fills an empty data folder; on PostgreSQL (pg_dump, pg_restore) the empty database TestDatabase gives
/// that folder, and the folder gets the photos.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly RegistryFactory _factory = new();
    private readonly string _backups = TempFolder.Create();
    private readonly string _restored = TempFolder.Create();

    public void Dispose()
    {
        _factory.Dispose();
        TempFolder.Delete(_backups);
        TempFolder.Delete(_restored);
    }

    private string BackupPath => Path.Combine(_backups, "registry-backup");

    private sealed record Acknowledged(string Reference, string Note, long Version, long At);

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_edits_restores_every_acknowledged_edit_with_its_revisions_and_byte_identical_photos()
    {
        await UploadPhotosAsync();
        var editor = _factory.Services.GetRequiredService<RecordEditor>();
        string[] references = ["S901", "S902", "S903"];
        var ids = new Dictionary<string, long>();
        foreach (var reference in references)
        {
            ids[reference] = (await editor.CreateAsync(RecordType.Source, new Dictionary<string, object?> { ["reference"] = reference, ["kind"] = "news", ["title"] = $"Burst {reference}" },
                null, null, CancellationToken.None)).Id;
        }
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var burst = references.Select(reference => Task.Run(() => EditManyTimesAsync(editor, reference, ids[reference], 60, acknowledged))).ToList();

        while (acknowledged.Count < 20)
        {
            await Task.Delay(5);
        }
        var backupBegan = Stopwatch.GetTimestamp();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BackupCommand.RunAsync(["backup", BackupPath], _factory.Services, output, error);
        await Task.WhenAll(burst);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains("integrity and SHA-256 manifest verified", output.ToString());
        var restore = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath]);
        Assert.True(restore.ExitCode == 0, restore.StandardError);
        Assert.Contains("Restored", restore.StandardOutput);

        using var restored = new RegistryFactory(_restored);
        var before = acknowledged.Where(save => save.At < backupBegan).ToList();
        Assert.NotEmpty(before);
        foreach (var save in before)
        {
            Assert.True(await restored.ScalarAsync($"SELECT version FROM {RecordType.Source.Table} WHERE reference = @Reference", save) >= save.Version,
                $"{save.Reference} lost the edit '{save.Note}'");
            Assert.Equal(1, await restored.ScalarAsync("SELECT COUNT(*) FROM revision WHERE entity_type = 'source' AND note = @Note", save));
        }
        var photos = PhotosIn(_factory.DataDirectory);
        Assert.NotEmpty(photos);
        Assert.Equal(photos, PhotosIn(_restored));
        foreach (var photo in photos)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_factory.DataDirectory, photo)), await File.ReadAllBytesAsync(Path.Combine(_restored, photo)));
        }
    }

    [SqliteOnlyFact("a SQLite restore fills the data folder; PostgreSQL's refusal is tested below")]
    public async Task Restore_refuses_a_data_folder_that_is_not_empty_unless_forced()
    {
        await UploadPhotosAsync();
        await BackUpAsync();
        await File.WriteAllTextAsync(Path.Combine(_restored, "registry.db"), "an older registry");

        var refused = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is not empty", refused.StandardError);
        Assert.Contains("--force", refused.StandardError);
        Assert.Equal("an older registry", await File.ReadAllTextAsync(Path.Combine(_restored, "registry.db")));

        var forced = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.StandardError);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(BackupPath, "registry.db")), await File.ReadAllBytesAsync(Path.Combine(_restored, "registry.db")));
    }

    [Fact]
    public async Task Restore_refuses_a_backup_whose_photo_no_longer_matches_its_manifest()
    {
        await UploadPhotosAsync();
        await BackUpAsync();
        var photo = Path.Combine(BackupPath, PhotosIn(BackupPath)[0]);
        var bytes = await File.ReadAllBytesAsync(photo);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(photo, bytes);

        var refused = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("does not match its SHA-256 in the manifest", refused.StandardError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_restored));
    }

    [Fact]
    public async Task The_restored_registry_serves_the_same_records_and_photos()
    {
        await UploadPhotosAsync();
        await BackUpAsync();

        var restore = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath]);

        Assert.True(restore.ExitCode == 0, restore.StandardError);
        using var restored = new RegistryFactory(_restored);
        using var original = _factory.CreateClient();
        using var copy = restored.CreateClient();
        foreach (var url in new[] { "/api/v1/reports/PAL-2015-0010", "/api/v1/sites/temple-of-bel", "/api/v1/search?q=Test+caption&type=photo" })
        {
            Assert.Equal(await original.GetStringAsync(url), await copy.GetStringAsync(url));
        }
        await using var connection = await restored.OpenDatabaseAsync();
        var photos = (await connection.QueryAsync<string>("SELECT sha256 FROM photo WHERE caption = 'Test caption'")).AsList();
        Assert.Equal(2, photos.Count);
        foreach (var sha256 in photos)
        {
            Assert.Equal(await original.GetByteArrayAsync($"/photos/files/{sha256}/display.jpg"), await copy.GetByteArrayAsync($"/photos/files/{sha256}/display.jpg"));
        }
    }

    [PostgreSqlOnlyFact("pg_restore into a database")]
    public async Task Restore_refuses_a_postgresql_database_that_is_not_empty_unless_forced()
    {
        await UploadPhotosAsync();
        await BackUpAsync();
        await using (var connection = await TestDatabase.OpenAsync(_restored))
        {
            await connection.ExecuteAsync("CREATE TABLE older_registry (id BIGINT PRIMARY KEY)");
        }

        var refused = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is not empty (it holds 1 tables); restore into an empty database, or pass --force", refused.StandardError);
        Assert.Empty(PhotosIn(_restored));

        var forced = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.StandardError);
        using var restored = new RegistryFactory(_restored);
        Assert.Equal(await _factory.ScalarAsync("SELECT COUNT(*) FROM revision"), await restored.ScalarAsync("SELECT COUNT(*) FROM revision"));
    }

    [PostgreSqlOnlyFact("pg_dump is PostgreSQL's client tool")]
    public async Task Backup_says_in_one_sentence_that_the_postgresql_client_tools_are_missing()
    {
        var backup = await AppProcess.RunAsync(_factory.DataDirectory, TimeSpan.FromSeconds(60), ["backup", BackupPath],
            new Dictionary<string, string> { ["PATH"] = _backups });

        Assert.Equal(1, backup.ExitCode);
        Assert.Equal("The PostgreSQL client tools are not installed (pg_dump was not found); install Debian's postgresql-client, " +
            "or back up through the managed database service as the README describes.", backup.StandardError.Trim());
        Assert.False(Directory.Exists(BackupPath));
    }

    [Fact]
    public async Task Photos_kept_outside_the_data_folder_are_backed_up_from_there_and_restored_into_the_photo_folder_of_the_target()
    {
        var shared = TempFolder.Create();
        var restoredShared = TempFolder.Create();
        try
        {
            using var factory = new RegistryFactory { PhotoDirectory = shared };
            await UploadPhotosAsync(factory);
            Assert.Empty(PhotosIn(factory.DataDirectory));
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(await BackupCommand.RunAsync(["backup", BackupPath], factory.Services, output, error) == 0, error.ToString());
            var photos = PhotosIn(shared, shared);
            Assert.Equal(2, photos.Count(photo => photo.StartsWith("photos/originals/", StringComparison.Ordinal)));
            Assert.Equal(photos, PhotosIn(BackupPath));

            var restore = await AppProcess.RunAsync(_restored, TimeSpan.FromSeconds(60), ["restore", BackupPath],
                new Dictionary<string, string> { ["Registry__PhotoDirectory"] = restoredShared });

            Assert.True(restore.ExitCode == 0, restore.StandardError);
            Assert.Equal(photos, PhotosIn(_restored, restoredShared));
            Assert.False(Directory.Exists(Path.Combine(_restored, BackupLayout.Photos)));
            foreach (var photo in photos)
            {
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(BackupPath, photo)),
                    await File.ReadAllBytesAsync(BackupLayout.InRegistry(new() { DataDirectory = _restored, PhotoDirectory = restoredShared }, photo)));
            }
        }
        finally
        {
            TempFolder.Delete(shared);
            TempFolder.Delete(restoredShared);
        }
    }

    /// <summary>A registry's photo files as backup paths (photos/originals/…); a backup folder has the data folder's layout.</summary>
    private static List<string> PhotosIn(string dataDirectory, string? photoDirectory = null) =>
        [.. BackupLayout.PhotoFiles(new() { DataDirectory = dataDirectory, PhotoDirectory = photoDirectory })];

    private Task UploadPhotosAsync() => UploadPhotosAsync(_factory);

    private static async Task UploadPhotosAsync(RegistryFactory factory)
    {
        using var curator = await CuratorSession.SignInAsync(factory, Roles.Editor); // an editor's upload is published at once
        var (_, page) = await curator.UploadAsync([("a.jpg", TestImages.Jpeg()), ("b.png", TestImages.Png())]);
        Assert.Equal(["Stored", "Stored"], page.Results().Select(r => r.Result));
    }

    private async Task BackUpAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(await BackupCommand.RunAsync(["backup", BackupPath], _factory.Services, output, error) == 0, error.ToString());
    }

    /// <summary>Saves one source again and again, noting each save the editor acknowledged and when.</summary>
    private static async Task EditManyTimesAsync(RecordEditor editor, string reference, long id, int edits, ConcurrentBag<Acknowledged> acknowledged)
    {
        for (var i = 0; i < edits; i++)
        {
            var current = (await editor.GetAsync(RecordType.Source, id, CancellationToken.None))!;
            var note = $"Burst edit {i} of {reference}";
            var values = new Dictionary<string, object?>(current.Values) { ["notes"] = note };
            var saved = await editor.UpdateAsync(RecordType.Source, id, current.Version, values, null, note, CancellationToken.None);
            Assert.Equal(SaveStatus.Saved, saved.Status);
            acknowledged.Add(new Acknowledged(reference, note, current.Version + 1, Stopwatch.GetTimestamp()));
        }
    }
}
