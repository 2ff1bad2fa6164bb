using System.Text.Json;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.Copy;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using HeritageRegistry.IntegrationTests.Search;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Copy;

/// <summary>
/// copy-data moves a SQLite registry in use (a curator's edit and a photo upload included) into an empty PostgreSQL
/// database, and the app on the copy answers as the original does. The SQLite registry and its copy share one data
/// folder (its photos and keys); the copy is the PostgreSQL database TestDatabase gives that folder.
/// </summary>
public sealed class CopyDataTests : IDisposable
{
    private readonly RegistryFactory _sqlite = new() { DatabaseProvider = "sqlite" };

    public void Dispose() => _sqlite.Dispose();

    private string Target => TestDatabase.Settings(_sqlite.DataDirectory)["Registry:Database:ConnectionString"];

    [BothProvidersFact]
    public async Task The_copy_serves_every_public_record_search_photo_and_curator_sign_in_as_the_sqlite_registry_does()
    {
        var login = await EditAndUploadAsync();

        // Through the real command line, as an operator runs it.
        var copied = await AppProcess.RunAsync(_sqlite.DataDirectory, TimeSpan.FromSeconds(120), ["copy-data", "--to-postgresql", Target],
            new Dictionary<string, string> { ["Registry__Database__Provider"] = "sqlite" });
        Assert.True(copied.ExitCode == 0, copied.StandardError + copied.StandardOutput);
        Assert.Contains("Verified: every table", copied.StandardOutput);
        Assert.Matches(@"revision\s+\d+\s+\d+\s+[0-9a-f]{32}\s+yes", copied.StandardOutput);

        using var copy = new RegistryFactory(_sqlite.DataDirectory);
        using var original = _sqlite.CreateClient();
        using var moved = copy.CreateClient();
        var differences = new List<string>();
        foreach (var list in new[] { "/api/v1/sites", "/api/v1/reports", "/api/v1/sources" })
        {
            var items = await original.AllPagesAsync($"{list}?pageSize=100");
            Assert.NotEmpty(items);
            await CompareAsync(original, moved, $"{list}?pageSize=100", differences);
            foreach (var item in items)
            {
                await CompareAsync(original, moved, item.GetProperty("links").GetProperty("self").GetString()!, differences);
            }
        }
        foreach (var query in ProviderParityTests.Queries.Append("q=Test+caption&type=photo"))
        {
            await CompareAsync(original, moved, $"/api/v1/search?pageSize=100&{query}", differences);
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));

        await using (var connection = await copy.OpenDatabaseAsync())
        {
            var photo = await connection.ExecuteScalarAsync<string>("SELECT sha256 FROM photo WHERE caption = 'Test caption'");
            Assert.Equal(await original.GetByteArrayAsync($"/photos/files/{photo}/display.jpg"), await moved.GetByteArrayAsync($"/photos/files/{photo}/display.jpg"));
        }
        using var browser = copy.Browser();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.SignInAsync(login)).StatusCode);
        // The identity sequences go on after the copied ids: a new record on the copy is not refused as a duplicate.
        var created = await copy.Services.GetRequiredService<RecordEditor>().CreateAsync(RecordType.Source,
            new Dictionary<string, object?> { ["reference"] = "S990", ["kind"] = "news", ["title"] = "Added on the copy" }, null, null, CancellationToken.None);
        Assert.Equal(SaveStatus.Saved, created.Status);
    }

    [BothProvidersFact]
    public async Task Copy_data_refuses_a_postgresql_database_that_is_not_empty_and_leaves_it_as_it_was()
    {
        await EditAndUploadAsync();
        Assert.Equal(0, (await CopyAsync("--to-postgresql")).ExitCode);
        var sources = await CountSourcesAsync();

        var (exitCode, output, error) = await CopyAsync("--to-postgresql");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"^The PostgreSQL database \w+ is not empty \(its \w+ table holds \d+ rows\); copy-data copies into an empty database only\.$", error.Trim());
        Assert.Empty(output);
        Assert.Equal(sources, await CountSourcesAsync());
    }

    [BothProvidersFact]
    public async Task Copy_data_refuses_a_postgresql_database_that_holds_other_tables()
    {
        await using (var connection = await TestDatabase.OpenAsync(_sqlite.DataDirectory))
        {
            await connection.ExecuteAsync("CREATE TABLE inventory (id BIGINT PRIMARY KEY)");
        }

        var (exitCode, _, error) = await CopyAsync("--to-postgresql");

        Assert.Equal(1, exitCode);
        Assert.Contains("is not empty: it holds tables that are not a registry's (inventory)", error);
    }

    [BothProvidersFact]
    public async Task Verification_finds_a_copied_report_changed_afterwards()
    {
        await EditAndUploadAsync();
        Assert.Equal(0, (await CopyAsync("--to-postgresql")).ExitCode);
        Assert.Equal(0, (await CopyAsync("--verify-postgresql")).ExitCode);
        await using (var connection = await TestDatabase.OpenAsync(_sqlite.DataDirectory))
        {
            Assert.Equal(1, await connection.ExecuteAsync("UPDATE damage_report SET title = title || '.' WHERE reference = 'PAL-2015-0010'"));
        }

        var (exitCode, output, error) = await CopyAsync("--verify-postgresql");

        Assert.Equal(1, exitCode);
        Assert.Contains("differs from", error);
        Assert.EndsWith("in damage_report.", error.Trim());
        Assert.Matches(@"damage_report\s+\d+\s+\d+\s+[0-9a-f]{32}\s+NO, SQLite [0-9a-f]{32}", output);
        Assert.Matches(@"site\s+\d+\s+\d+\s+[0-9a-f]{32}\s+yes", output);
    }

    /// <summary>A curator's edit (a revision) and a published photo upload on the SQLite registry; returns the curator's login.</summary>
    private async Task<string> EditAndUploadAsync()
    {
        var login = await _sqlite.AddUserAsync(Roles.Curator);
        using var curator = await CuratorSession.SignInAsync(_sqlite, Roles.Editor);
        var (_, page) = await curator.UploadAsync([("a.jpg", TestImages.Jpeg())]);
        Assert.Equal(["Stored"], page.Results().Select(r => r.Result));
        var editor = _sqlite.Services.GetRequiredService<RecordEditor>();
        var created = await editor.CreateAsync(RecordType.Source,
            new Dictionary<string, object?> { ["reference"] = "S980", ["kind"] = "news", ["title"] = "Copied with its history" }, null, null, CancellationToken.None);
        var current = (await editor.GetAsync(RecordType.Source, created.Id, CancellationToken.None))!;
        var saved = await editor.UpdateAsync(RecordType.Source, created.Id, current.Version,
            new Dictionary<string, object?>(current.Values) { ["notes"] = "Edited before the move" }, null, "Edited before the move", CancellationToken.None);
        Assert.Equal(SaveStatus.Saved, saved.Status);
        return login;
    }

    private async Task<(int ExitCode, string Output, string Error)> CopyAsync(string mode)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CopyDataCommand.RunAsync(["copy-data", mode, Target], _sqlite.Services, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task<long> CountSourcesAsync()
    {
        await using var connection = await TestDatabase.OpenAsync(_sqlite.DataDirectory);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM source");
    }

    private static async Task CompareAsync(HttpClient original, HttpClient moved, string url, List<string> differences)
    {
        var expected = JsonSerializer.Serialize(await original.GetOkJsonAsync(url));
        var actual = JsonSerializer.Serialize(await moved.GetOkJsonAsync(url));
        if (expected != actual)
        {
            differences.Add($"{url}:\n  SQLite     {expected[..Math.Min(400, expected.Length)]}\n  PostgreSQL {actual[..Math.Min(400, actual.Length)]}");
        }
    }
}
