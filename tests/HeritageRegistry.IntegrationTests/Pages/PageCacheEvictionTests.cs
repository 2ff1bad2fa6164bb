using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>A change evicts the cached pages that show what changed, and leaves every other page cached.</summary>
public sealed class PageCacheEvictionTests : IDisposable
{
    private readonly RegistryFactory _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task An_edit_to_one_report_evicts_its_page_its_places_pages_and_the_lists_and_no_other_place()
    {
        using var visitor = _registry.CreateClient();
        string[] showingIt = ["/reports/PAL-2015-0014", "/sites/bel-cella", "/sites/temple-of-bel", "/sites/palmyra", "/reports"];
        string[] lists = ["/", "/sites", "/map"];
        string[] notShowingIt = ["/sites/roman-theatre", "/sites/temple-of-baalshamin", "/reports/PAL-2015-0010"];
        foreach (var page in showingIt.Concat(lists).Concat(notShowingIt))
        {
            await CachedAsync(visitor, page);
        }

        await RenameReportAsync("PAL-2015-0014", "Cella of Bel blown up (zircon test)");

        foreach (var page in showingIt)
        {
            var (cached, text) = await FetchAsync(visitor, page);
            Assert.False(cached, $"{page} shows the report, so the edit evicts it");
            Assert.Contains("zircon test", text, StringComparison.Ordinal);
        }
        foreach (var page in lists)
        {
            Assert.False((await FetchAsync(visitor, page)).Cached, $"{page} lists records, so every edit evicts it");
        }
        foreach (var page in notShowingIt)
        {
            Assert.True((await FetchAsync(visitor, page)).Cached, $"{page} does not show the report, so it stays cached");
        }
    }

    [Fact]
    public async Task A_renamed_place_evicts_its_page_its_reports_pages_its_parents_and_those_of_the_places_within_it()
    {
        using var visitor = _registry.CreateClient();
        string[] showingIt = ["/sites/temple-of-bel", "/sites/bel-cella", "/sites/palmyra", "/reports/PAL-2015-0015"];
        foreach (var page in showingIt.Append("/sites/roman-theatre"))
        {
            await CachedAsync(visitor, page);
        }

        var editor = _registry.Services.GetRequiredService<RecordEditor>();
        var id = await IdAsync("SELECT id FROM site WHERE slug = @key", "temple-of-bel");
        var record = (await editor.GetAsync(RecordType.Site, id, CancellationToken.None))!;
        var saved = await editor.UpdateAsync(RecordType.Site, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["name_en"] = "Sanctuary of Bel (zircon test)" }, null, null, CancellationToken.None);
        Assert.Equal(SaveStatus.Saved, saved.Status);

        foreach (var page in showingIt)
        {
            var (cached, text) = await FetchAsync(visitor, page);
            Assert.False(cached, $"{page} shows the place's name, so the edit evicts it");
            Assert.Contains("zircon test", text, StringComparison.Ordinal);
        }
        Assert.True((await FetchAsync(visitor, "/sites/roman-theatre")).Cached, "another place's page stays cached");
    }

    /// <summary>Fetches a page until the cache serves it, so the test starts from a cached copy.</summary>
    private static async Task CachedAsync(HttpClient client, string page)
    {
        await FetchAsync(client, page);
        Assert.True((await FetchAsync(client, page)).Cached, $"{page} is served from the output cache");
    }

    // The output cache marks what it serves with an Age header; a freshly rendered page has none.
    private static async Task<(bool Cached, string Text)> FetchAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        response.EnsureSuccessStatusCode();
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    private async Task RenameReportAsync(string reference, string title)
    {
        var editor = _registry.Services.GetRequiredService<RecordEditor>();
        var id = await IdAsync("SELECT id FROM damage_report WHERE reference = @key", reference);
        var record = (await editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;
        var saved = await editor.UpdateAsync(RecordType.Report, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["title"] = title }, null, null, CancellationToken.None);
        Assert.Equal(SaveStatus.Saved, saved.Status);
    }

    private async Task<long> IdAsync(string sql, string key)
    {
        await using var connection = await _registry.Services.GetRequiredService<Data.Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { key });
    }
}
