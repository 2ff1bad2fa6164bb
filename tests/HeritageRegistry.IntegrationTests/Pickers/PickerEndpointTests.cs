using System.Net;
using System.Text.Json;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Pickers;

namespace HeritageRegistry.IntegrationTests.Pickers;

/// <summary>The curators' picker answers (/curate/pickers/…): who may ask, what they find, and how much.</summary>
public sealed class PickerEndpointTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("reports")]
    [InlineData("places")]
    [InlineData("sources")]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_given_no_records(string kind)
    {
        using var visitor = _factory.Browser();

        var response = await visitor.GetAsync($"/curate/pickers/{kind}?q=bel");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_is_found_by_its_reference_and_offered_as_reference_and_title()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var found = await AskAsync(curator, "reports", "pal-2015-0015");

        Assert.Equal("PAL-2015-0015 — Columns of the Bel sanctuary brought down in the cella blast", found[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_report_is_found_by_words_of_its_title_in_any_order()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var found = await AskAsync(curator, "reports", "cella sanctuary");

        Assert.Contains(found, option => option.GetProperty("key").GetString() == "PAL-2015-0015");
        Assert.All(found, option => Assert.Contains("cella", option.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_place_is_found_by_its_Arabic_name()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var found = await AskAsync(curator, "places", "تدمر");

        Assert.Contains(found, option => option.GetProperty("key").GetString() == "palmyra");
    }

    [Fact]
    public async Task A_source_is_found_by_its_reference_before_the_sources_that_merely_mention_it()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var found = await AskAsync(curator, "sources", "S49");

        Assert.Equal("S49", found[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task An_answer_lists_a_bounded_number_of_records_however_many_match()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var everything = await AskAsync(curator, "reports", "");
        var palmyra = await AskAsync(curator, "sources", "palmyra");

        Assert.Equal(PickerEndpoints.Limit, everything.Count);
        Assert.Equal(PickerEndpoints.Limit, palmyra.Count);
    }

    [Fact]
    public async Task A_draft_report_is_offered_to_curators_marked_as_a_draft()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var (created, _) = await curator.SubmitAsync("/curate/reports/edit", "form.record-form", new()
        {
            ["Input.SiteId"] = "temple-of-bel", ["Input.Kind"] = "damage", ["Input.Title"] = "Zqxdraft portico cracked",
            ["Input.EventDate"] = "2019-03", ["Input.Verification"] = "reported",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var found = Assert.Single(await AskAsync(curator, "reports", "zqxdraft"));

        Assert.True(found.GetProperty("draft").GetBoolean());
        Assert.EndsWith("— Zqxdraft portico cracked", found.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_record_is_not_offered()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        await using (var database = await _factory.OpenDatabaseAsync())
        {
            await using var command = database.CreateCommand();
            command.CommandText = "UPDATE source SET deleted_at = '2020-01-01T00:00:00Z' WHERE reference = 'S49'";
            await command.ExecuteNonQueryAsync();
        }

        var found = await AskAsync(curator, "sources", "S49");

        Assert.DoesNotContain(found, option => option.GetProperty("key").GetString() == "S49");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("zq\u0000x")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("one two three four five six seven eight nine ten eleven")]
    public async Task Hostile_queries_are_answered_without_a_server_error_and_match_only_as_typed(string query)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var response = await curator.Client.GetAsync($"/curate/pickers/reports?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task An_overlong_query_is_refused_with_a_problem()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var response = await curator.Client.GetAsync($"/curate/pickers/places?q={new string('x', PickerStore.MaxText + 1)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<JsonElement>> AskAsync(CuratorSession curator, string kind, string query)
    {
        var response = await curator.Client.GetAsync($"/curate/pickers/{kind}?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
