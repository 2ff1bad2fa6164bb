using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>
/// A database seeded before the corrections (OlderSeed) receives them at start-up as update steps: each a
/// revision by "registry seed" with the step's note, through the editor, leaving alone what a person edited.
/// </summary>
public sealed class SeedUpdateStepTests
{
    [Fact]
    public async Task A_database_seeded_before_the_corrections_receives_every_step_as_revisions_by_registry_seed_with_its_note()
    {
        var heard = new ConcurrentBag<ChangedRecord>();
        using var upgraded = new RegistryFactory(await OlderSeed.CreateDataFolderAsync(), ownsFolder: true)
        {
            TestServices = services => services.AddSingleton<IRecordsChangedListener>(new Recorder(heard)),
        };
        using var client = upgraded.CreateClient();

        var theatre = await client.GetOkJsonAsync("/api/v1/reports/PAL-2015-0002");
        await using var connection = await OpenAsync(upgraded);
        var files = SeedFiles.Embedded();
        foreach (var name in files.StepNames)
        {
            var note = files.Step(name).Note;
            var bySeed = await connection.ExecuteScalarAsync<long>("""
                SELECT COUNT(*) FROM revision rv JOIN app_user u ON u.id = rv.user_id
                WHERE u.login = @login AND u.display_name = 'registry seed' AND rv.note = @note
                """, new { login = SeedUser.Login, note });
            Assert.True(bySeed > 0, $"step {name} left no revision by registry seed with its note");
        }
        var journal = await connection.QueryAsync<string>("SELECT name FROM seed_step ORDER BY name");
        var theatreNote = await connection.ExecuteScalarAsync<string>("""
            SELECT rv.note FROM revision rv JOIN damage_report r ON r.id = rv.entity_id AND rv.entity_type = 'report'
            WHERE r.reference = 'PAL-2015-0002' ORDER BY rv.id DESC LIMIT 1
            """);

        Assert.Equal("2015-05-27", theatre.Text("event_date"));
        Assert.Equal(files.Step("0001-theatre-killings-date").Note, theatreNote);
        Assert.Equal(files.StepNames, journal);
        Assert.Contains(heard, change => change.Type == RecordType.Report);
    }

    [Fact]
    public async Task A_record_a_curator_edited_since_the_seed_keeps_the_curators_version_whole_and_the_step_warns_naming_it()
    {
        var warnings = new ConcurrentBag<string>();
        var folder = await OlderSeed.CreateDataFolderAsync(async older =>
        {
            var login = await older.AddUserAsync(Roles.Curator);
            var curator = await older.FindUserAsync(login);
            var editor = older.Services.GetRequiredService<RecordEditor>();
            await using var connection = await OpenAsync(older);
            var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM damage_report WHERE reference = 'PAL-2015-0002'");
            var report = (await editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;
            var values = new Dictionary<string, object?>(report.Values) { ["title"] = "Executions in the theatre, as a curator put it" };
            var saved = await editor.UpdateAsync(RecordType.Report, id, report.Version, values, curator.Id, "Curator's wording", CancellationToken.None);
            Assert.Equal(SaveStatus.Saved, saved.Status);
        });
        using var upgraded = new RegistryFactory(folder, ownsFolder: true)
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(new WarningRecorder(warnings)),
        };
        using var client = upgraded.CreateClient();

        var theatre = await client.GetOkJsonAsync("/api/v1/reports/PAL-2015-0002");
        var museum = await client.GetOkJsonAsync("/api/v1/reports/PAL-2015-0003");

        Assert.Equal("Executions in the theatre, as a curator put it", theatre.Text("title"));
        Assert.Equal("2015-05-21/2015-07", theatre.Text("event_date"));
        Assert.Equal(["S17", "S73"], theatre.GetProperty("citations").Strings("source"));
        Assert.Contains(warnings, warning => warning.Contains("0001-theatre-killings-date") && warning.Contains("PAL-2015-0002"));
        Assert.Equal("severely-damaged", museum.Text("severity"));
    }

    [Fact]
    public async Task A_fresh_seed_and_a_migrated_database_publish_the_same_record_for_every_report_place_and_source()
    {
        using var fresh = new RegistryFactory();
        using var upgraded = new RegistryFactory(await OlderSeed.CreateDataFolderAsync(), ownsFolder: true);
        using var freshClient = fresh.CreateClient();
        using var upgradedClient = upgraded.CreateClient();

        foreach (var (list, key, item) in new[] { ("/api/v1/reports", "reference", "/api/v1/reports/"), ("/api/v1/sites", "slug", "/api/v1/sites/"), ("/api/v1/sources", "reference", "/api/v1/sources/") })
        {
            var freshKeys = (await freshClient.AllPagesAsync(list)).Select(e => e.Text(key)).ToList();
            var upgradedKeys = (await upgradedClient.AllPagesAsync(list)).Select(e => e.Text(key)).ToList();
            Assert.Equal(freshKeys, upgradedKeys);
            foreach (var record in freshKeys)
            {
                var expected = Comparable(await freshClient.GetOkJsonAsync(item + record));
                var actual = Comparable(await upgradedClient.GetOkJsonAsync(item + record));
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{record} differs:\nfresh    {expected}\nmigrated {actual}");
            }
        }
    }

    [Fact]
    public async Task A_fresh_seed_journals_every_step_as_applied_and_writes_no_step_revision()
    {
        using var fresh = new RegistryFactory();
        using var client = fresh.CreateClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        await using var connection = await OpenAsync(fresh);
        var files = SeedFiles.Embedded();

        var journal = await connection.QueryAsync<string>("SELECT name FROM seed_step ORDER BY name");
        var notes = files.StepNames.Select(name => files.Step(name).Note).ToList();
        var stepRevisions = (await connection.QueryAsync<string?>("SELECT note FROM revision")).Count(note => note is not null && notes.Contains(note));
        var seedUser = await connection.QuerySingleAsync<(string DisplayName, long IsDisabled)>(
            "SELECT display_name, is_disabled FROM app_user WHERE login = @Login", new { SeedUser.Login });

        Assert.NotEmpty(files.StepNames);
        Assert.Equal(files.StepNames, journal);
        Assert.Equal(0, stepRevisions);
        Assert.Equal(("registry seed", 1L), seedUser);
    }

    [Fact]
    public async Task A_database_that_never_received_the_seed_is_given_no_update_step()
    {
        var folder = TempFolder.Create();
        using (var empty = new RegistryFactory(folder) { Seed = false })
        {
            using var client = empty.CreateClient();
            (await client.GetAsync("/")).EnsureSuccessStatusCode();
            await using var connection = await OpenAsync(empty);
            await connection.ExecuteAsync("""
                INSERT INTO site (slug, kind, name_en, publication, created_at, updated_at)
                VALUES ('somewhere-else', 'other', 'Somewhere else', 'published', '2026-01-01', '2026-01-01')
                """);
        }
        using var started = new RegistryFactory(folder, ownsFolder: true);
        using var startedClient = started.CreateClient();

        (await startedClient.GetAsync("/")).EnsureSuccessStatusCode();
        await using var check = await OpenAsync(started);
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM seed_step"));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM source"));
    }

    [Fact]
    public async Task Nobody_can_sign_in_as_registry_seed()
    {
        using var fresh = new RegistryFactory();
        using var browser = fresh.Browser();

        var response = await browser.SignInAsync(SeedUser.Login, "any password at all");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode); // refused like a wrong password, not let in
        Assert.Null(response.Headers.Location);
    }

    /// <summary>The record as the public sees it, without what only says when it was written (version, update time).</summary>
    private static JsonNode Comparable(JsonElement element)
    {
        var node = JsonNode.Parse(element.GetRawText())!;
        Strip(node);
        return node;

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                obj.Remove("version");
                obj.Remove("updated_at");
                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    Strip(child);
                }
            }
        }
    }

    private static Task<System.Data.Common.DbConnection> OpenAsync(RegistryFactory factory) => factory.OpenDatabaseAsync();

    private sealed class Recorder(ConcurrentBag<ChangedRecord> heard) : IRecordsChangedListener
    {
        public Task RecordsChangedAsync(IReadOnlyCollection<ChangedRecord> changed, CancellationToken cancellationToken)
        {
            foreach (var change in changed)
            {
                heard.Add(change);
            }
            return Task.CompletedTask;
        }
    }

    private sealed class WarningRecorder(ConcurrentBag<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentBag<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
