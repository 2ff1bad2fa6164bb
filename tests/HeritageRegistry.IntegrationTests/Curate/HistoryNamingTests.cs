using System.Net;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>History names records by reference and title, and vocabulary codes by their labels, never by row id or stored code.</summary>
public sealed class HistoryNamingTests : IDisposable
{
    private const string Report = "PAL-2015-0011";
    private const string Title = "Temple of Baalshamin destroyed by explosives";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Moves the report to the Temple of Bel and calls it severely damaged; returns its history's address and its row id.</summary>
    private async Task<(HttpClient Curator, string History, long Id)> EditAsync()
    {
        // An editor, whose change of an ordinary place's report is published at once, so the history holds it.
        var (curator, _) = await _factory.SignedInAsync(Roles.Editor);
        await using var database = await _factory.OpenDatabaseAsync();
        var id = await database.ExecuteScalarAsync<long>("SELECT id FROM damage_report WHERE reference = @Report", new { Report });
        var edit = await curator.GetPageAsync(await curator.EditUrlAsync("/curate/reports", Report));
        var saved = await curator.SubmitAsync(edit, "form.record-form", new Dictionary<string, string>
        {
            ["Input.Severity"] = "severely-damaged", ["Input.SiteId"] = "temple-of-bel",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (curator, $"/curate/history/report/{id}", id);
    }

    private static string Row(AngleSharp.Html.Dom.IHtmlDocument history, string field) =>
        history.QuerySelectorAll(".revision")[0].QuerySelectorAll(".diff tbody tr").Single(row => row.QuerySelector("th")!.TextContent.Trim() == field).TextContent;

    [Fact]
    public async Task A_records_history_names_it_and_the_places_it_moved_between_and_labels_its_codes()
    {
        var (curator, url, id) = await EditAsync();

        var history = await curator.GetPageAsync(url);

        Assert.Contains($"{Report} · {Title}", history.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var site = Row(history, "Site");
        Assert.Contains("temple-of-baalshamin · Temple of Baalshamin", site, StringComparison.Ordinal);
        Assert.Contains("temple-of-bel · Temple of Bel", site, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", site.Replace("temple", "", StringComparison.Ordinal));
        var severity = Row(history, "Severity");
        Assert.Contains("Severely damaged", severity, StringComparison.Ordinal);
        Assert.DoesNotContain("severely-damaged", severity, StringComparison.Ordinal);
        Assert.DoesNotContain($"report {id}", history.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arabic_history_gives_the_arabic_labels()
    {
        var (curator, url, _) = await EditAsync();

        var history = await curator.GetPageAsync("/ar" + url);

        Assert.Contains(Vocab.Severities.Find("severely-damaged")!.Arabic, Row(history, "Severity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_names_each_changed_record_by_reference_and_title()
    {
        var (curator, _, id) = await EditAsync();

        var desk = await curator.GetPageAsync("/curate");

        var names = desk.QuerySelectorAll("table.curate-list tbody tr").Select(row => row.Children[3].TextContent.Trim()).ToList();
        Assert.Equal($"report {Report} · {Title}", string.Join(' ', names[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain(names, name => name.EndsWith($" {id}", StringComparison.Ordinal));
    }
}
