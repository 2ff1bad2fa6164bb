using HeritageRegistry.Accounts;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dapper;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>What a place's condition says: derived from assessments, restorations included, and for a place
/// made of places a summary of its parts; the same on the page, in the API and in the GeoJSON.</summary>
public sealed partial class ConditionTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string SaveForm = "form.record-form";
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Palmyra_shows_a_summary_of_the_places_within_it_not_the_condition_of_one_air_strike_report()
    {
        var page = await _client.GetPageAsync("/sites/palmyra");
        var condition = HeaderCondition(page);

        Assert.StartsWith("Places within it:", Words(condition.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain("Possibly damaged", condition.TextContent, StringComparison.OrdinalIgnoreCase);
        var counts = condition.QuerySelectorAll(".badge").Select(b => Words(b.TextContent)).ToList();
        Assert.Contains(counts, c => c.EndsWith(" destroyed", StringComparison.Ordinal));
        Assert.Contains(counts, c => c.EndsWith(" not assessed", StringComparison.Ordinal));
        Assert.Contains("1 restored", counts);
        // Every place within Palmyra, at any depth, is counted once (not Palmyra, nor the shrines and the mosque outside it).
        Assert.Equal(SeedCounts.PlacesWithinPalmyra, counts.Sum(c => int.Parse(c.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_lion_of_allat_reads_restored_with_the_destruction_it_followed()
    {
        var page = await _client.GetPageAsync("/sites/lion-of-allat");
        var condition = HeaderCondition(page);

        Assert.Equal("Restored", condition.QuerySelector(".badge.sev-restored")!.TextContent.Trim());
        Assert.Equal("Restored (Destroyed 27 June 2015, restored 1 October 2017)", Words(condition.TextContent));
        Assert.DoesNotContain(condition.QuerySelectorAll(".badge"), b => b.ClassList.Contains("sev-destroyed"));
        var restoration = page.QuerySelectorAll(".timeline-entry").Single(e => e.ClassList.Contains("kind-restoration"));
        Assert.Contains("Restored Lion of Al-lat unveiled in Damascus", restoration.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_temple_of_bel_timeline_shows_the_destruction_of_its_cella_marked_as_at_the_cella()
    {
        var page = await _client.GetPageAsync("/sites/temple-of-bel");

        var cella = page.QuerySelectorAll(".timeline-entry.within")
            .Single(e => e.QuerySelector(".timeline-within a")!.GetAttribute("href") == "/sites/bel-cella");
        Assert.StartsWith("At Cella", Words(cella.QuerySelector(".timeline-within")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Cella of the Temple of Bel destroyed by explosives", cella.TextContent, StringComparison.Ordinal);
        Assert.Equal("Destroyed", cella.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains(cella.QuerySelectorAll(".citations a"), a => a.GetAttribute("href") == "/sources/S13");
        // The temple's own report of the same blast is not marked as elsewhere.
        Assert.Contains(page.QuerySelectorAll(".timeline-entry:not(.within) h3"),
            h => h.TextContent.Contains("Columns of the Bel sanctuary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_place_timeline_takes_the_damage_of_the_places_within_it_but_not_their_context_events()
    {
        var page = await _client.GetPageAsync("/sites/palmyra");
        var titles = page.QuerySelectorAll(".timeline-entry h3").Select(h => Words(h.TextContent)).ToList();

        Assert.Contains(titles, t => t.Contains("Tetrapylon blown apart", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Restored Lion of Al-lat unveiled in Damascus", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Islamic State captures Palmyra", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("Islamic State claims capture of Palmyra Castle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_context_event_after_the_last_damage_report_never_sets_the_condition()
    {
        // The castle's latest reports are its capture and recapture (events); its condition is still its 2016 damage.
        var page = await _client.GetPageAsync("/sites/palmyra-castle");

        Assert.Contains(page.QuerySelectorAll(".timeline-entry.kind-event time"), t => t.GetAttribute("datetime") == "2017-03-01");
        Assert.Equal("Moderately damaged", Words(HeaderCondition(page).TextContent));
    }

    [Theory]
    [InlineData("palmyra")]
    [InlineData("temple-of-bel")]
    [InlineData("bel-cella")]
    [InlineData("lion-of-allat")]
    [InlineData("palmyra-castle")]
    [InlineData("hypogeum-of-the-three-brothers")]
    [InlineData("agora")]
    public async Task The_api_and_the_geojson_give_the_condition_the_page_shows(string slug)
    {
        var shown = Words(HeaderCondition(await _client.GetPageAsync($"/sites/{slug}")).TextContent);
        var api = (await _client.GetOkJsonAsync($"/api/v1/sites/{slug}")).GetProperty("condition");
        var listed = (await _client.AllPagesAsync("/api/v1/sites?pageSize=100")).Single(s => s.Text("slug") == slug).GetProperty("condition");
        var geo = (await _client.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features").EnumerateArray()
            .SingleOrDefault(f => f.Text("id") == slug);

        Assert.Equal(shown, api.Text("text"));
        Assert.Equal(shown, listed.Text("text"));
        if (geo.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(shown, geo.GetProperty("properties").Text("condition_text"));
        }
        if (api.GetProperty("parts").ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(JsonValueKind.Null, api.GetProperty("severity").ValueKind);
            Assert.All(api.GetProperty("parts").EnumerateObject(), part => Assert.Contains($"{part.Value.GetInt32()} ", shown, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_temple_of_bel_in_the_api_and_on_the_map_is_its_destroyed_cella_counted_not_its_own_report()
    {
        var bel = (await _client.GetOkJsonAsync("/api/v1/sites/temple-of-bel")).GetProperty("condition");
        var feature = (await _client.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features").EnumerateArray()
            .Single(f => f.Text("id") == "temple-of-bel").GetProperty("properties");

        Assert.Equal(1, bel.GetProperty("parts").GetProperty("destroyed").GetInt32());
        Assert.Equal("destroyed", feature.Text("condition"));
        var lion = (await _client.GetOkJsonAsync("/api/v1/sites/lion-of-allat")).GetProperty("condition");
        Assert.Equal("2017-10-01", lion.GetProperty("restoration").Text("date"));
        Assert.Equal("destroyed", lion.GetProperty("restoration").Text("before"));
        Assert.Equal(JsonValueKind.Null, lion.GetProperty("severity").ValueKind);
    }

    [Fact]
    public async Task The_methodology_page_explains_the_condition_rule()
    {
        var page = await _client.GetPageAsync("/methodology");
        var section = Words(page.QuerySelector("section#condition")!.TextContent);

        Assert.Contains("never from context events", section, StringComparison.Ordinal);
        Assert.Contains("A restoration sets the condition from its date on", section, StringComparison.Ordinal);
        Assert.Contains("summary of the places within it", section, StringComparison.Ordinal);
        Assert.Equal("/methodology#condition", (await _client.GetPageAsync("/sites/palmyra")).QuerySelector(".record-header .condition a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_curator_records_a_restoration_with_the_condition_after_it_and_a_later_event_leaves_it_alone()
    {
        using var factory = new RegistryFactory();
        using var curator = await CuratorSession.SignInAsync(factory, Roles.Editor);
        using var visitor = factory.CreateClient();
        var form = await curator.Client.GetPageAsync("/curate/reports/edit");
        Assert.Contains(form.QuerySelectorAll("#Input_Kind option"), o => o.GetAttribute("value") == "restoration");
        Assert.Contains("condition after it", form.QuerySelector("label[for='Input_Severity']")!.TextContent, StringComparison.Ordinal);
        const string tetrapylon = "tetrapylon";

        await PublishAsync(curator, form, new()
        {
            ["Input.SiteId"] = tetrapylon, ["Input.Kind"] = "restoration", ["Input.Title"] = "Tetrapylon columns re-erected",
            ["Input.EventDate"] = "2030-05", ["Input.Severity"] = "moderately-damaged", ["Input.Verification"] = "reported",
        });
        await PublishAsync(curator, await curator.Client.GetPageAsync("/curate/reports/edit"), new()
        {
            ["Input.SiteId"] = tetrapylon, ["Input.Kind"] = "event", ["Input.Title"] = "Tetrapylon reopened to visitors",
            ["Input.EventDate"] = "2031-01", ["Input.Verification"] = "reported",
        });

        var page = await visitor.GetPageAsync("/sites/tetrapylon");
        Assert.Equal("Moderately damaged (Destroyed 26 December 2016 – 10 January 2017, restored May 2030)", Words(HeaderCondition(page).TextContent));
        var api = (await visitor.GetOkJsonAsync("/api/v1/sites/tetrapylon")).GetProperty("condition");
        Assert.Equal("moderately-damaged", api.Text("severity"));
        Assert.Equal("2030-05", api.GetProperty("restoration").Text("date"));
        var facts = page.QuerySelectorAll(".timeline-entry.kind-restoration dd");
        var report = await visitor.GetPageAsync($"/reports/{Words(facts[^1].TextContent)}");
        Assert.Contains("Condition after it", report.Text(), StringComparison.Ordinal);
    }

    [SqliteOnlyFact("migration 0008 mends SQLite registries seeded before it; PostgreSQL registries start from the consolidated schema")]
    public async Task A_database_seeded_before_restorations_had_their_own_kind_is_brought_up_to_date()
    {
        var folder = TempFolder.Create();
        try
        {
            using (var first = new RegistryFactory(folder))
            {
                first.CreateClient().Dispose();
            }
            // As the record stood before migration 0010: the Lion's restoration a context event.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "registry.db")};Pooling=False"))
            {
                await connection.ExecuteAsync("""
                    UPDATE damage_report SET kind = 'event' WHERE title = 'Restored Lion of Al-lat unveiled in Damascus';
                    DELETE FROM schema_migration WHERE name = '0008_restoration_report_kind.sql';
                    """);
            }

            using var second = new RegistryFactory(folder);
            var page = await second.CreateClient().GetPageAsync("/sites/lion-of-allat");

            Assert.Equal("Restored (Destroyed 27 June 2015, restored 1 October 2017)", Words(HeaderCondition(page).TextContent));
            await using var check = new SqliteConnection($"Data Source={Path.Combine(folder, "registry.db")};Pooling=False");
            var revision = await check.QuerySingleAsync<(string Before, string After)>("""
                SELECT v.before_json, v.after_json FROM revision v JOIN damage_report r ON r.id = v.entity_id AND v.entity_type = 'report'
                WHERE r.title = 'Restored Lion of Al-lat unveiled in Damascus' AND v.action = 'update'
                """);
            Assert.Equal("event", JsonDocument.Parse(revision.Before).RootElement.Text("kind"));
            Assert.Equal("restoration", JsonDocument.Parse(revision.After).RootElement.Text("kind"));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static async Task PublishAsync(CuratorSession curator, IHtmlDocument form, Dictionary<string, string> values)
    {
        var (_, edit) = await curator.SubmitAsync(form, SaveForm, values);
        var (_, cited) = await curator.SubmitAsync(edit, "button.add-citation",
            new() { ["Citation.SourceId"] = "S01", ["Citation.Locator"] = "para. 1" });
        var (published, _) = await curator.SubmitAsync(cited, "form[action*='handler=Publish']", []);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, published.StatusCode);
    }

    private static IElement HeaderCondition(IHtmlDocument page) => page.QuerySelector(".record-header .condition .condition-value")!;

    /// <summary>Text with whitespace folded, and none before a comma (markup between badges leaves some).</summary>
    private static string Words(string text) => SpaceBeforeComma().Replace(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), ",");

    [GeneratedRegex(@"\s+,")]
    private static partial Regex SpaceBeforeComma();
}
