using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Search;
using HeritageRegistry.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>Curated writes reach the index in their own transaction, and only public records are found.</summary>
public sealed class SearchIndexingTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private RecordEditor Editor => registry.Factory.Services.GetRequiredService<RecordEditor>();

    [Fact]
    public async Task A_draft_is_not_found_until_published_and_not_after_it_is_deleted()
    {
        using var client = registry.CreateClient();
        var created = await Editor.CreateAsync(RecordType.Source, new Dictionary<string, object?>
        {
            ["reference"] = "S901", ["kind"] = "news", ["title"] = "Quxfrobnicated dispatch from Tadmur",
        }, null, null, CancellationToken.None);

        var asDraft = await client.HitsAsync("q=quxfrobnicated");
        var draftCsv = await client.GetStringAsync("/search.csv?q=quxfrobnicated");
        await Editor.SetPublishedAsync(RecordType.Source, created.Id, 1, true, null, CancellationToken.None);
        var published = await client.HitsAsync("q=quxfrob");
        await Editor.SetDeletedAsync(RecordType.Source, created.Id, 2, true, null, CancellationToken.None);
        var deleted = await client.HitsAsync("q=quxfrobnicated");

        Assert.Empty(asDraft);
        Assert.DoesNotContain("S901", draftCsv, StringComparison.Ordinal);
        Assert.Equal(["/sources/S901"], published);
        Assert.Empty(deleted);
    }

    [Fact]
    public async Task Editing_a_place_keeps_its_other_names_searchable_and_indexes_the_new_text()
    {
        using var client = registry.CreateClient();
        var id = (await registry.Factory.PathsAsync("SELECT CAST(id AS TEXT) FROM site WHERE slug = 'tetrapylon'")).Single();
        var record = (await Editor.GetAsync(RecordType.Site, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))!;
        var values = new Dictionary<string, object?>(record.Values) { ["summary"] = "Four pylons, rebuilt with glorbish concrete in 1963." };

        var saved = await Editor.UpdateAsync(RecordType.Site, record.Id, record.Version, values, null, null, CancellationToken.None);

        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.Contains("/sites/tetrapylon", await client.HitsAsync("q=Tetrakionion"));   // from site_name
        Assert.Contains("/sites/tetrapylon", await client.HitsAsync("q=التترابيل"));      // Arabic name
        Assert.Contains("/sites/tetrapylon", await client.HitsAsync("q=glorbish"));        // the new summary
    }

    [Fact]
    public async Task A_photo_is_found_by_its_caption()
    {
        using var client = registry.CreateClient();
        var siteId = (await registry.Factory.PathsAsync("SELECT CAST(id AS TEXT) FROM site WHERE slug = 'palmyra-museum'")).Single();
        var created = await Editor.CreateAsync(RecordType.Photo, new Dictionary<string, object?>
        {
            ["sha256"] = new string('a', 64), ["site_id"] = long.Parse(siteId, System.Globalization.CultureInfo.InvariantCulture),
            ["caption"] = "Smashed busts in the muséum’s wrecked hall", ["width"] = 10, ["height"] = 10, ["format"] = "jpeg", ["byte_size"] = 100,
        }, null, null, CancellationToken.None);
        await Editor.SetPublishedAsync(RecordType.Photo, created.Id, 1, true, null, CancellationToken.None);

        var hits = await client.HitsAsync("q=museums+wrecked&type=photo");
        var inPlace = await client.HitsAsync("site=palmyra-museum&type=photo");

        Assert.Equal([$"/photos/{created.Id}"], hits);
        Assert.Equal([$"/photos/{created.Id}"], inPlace);
    }
}

/// <summary>An index folded by another version of the folding rules (or emptied) is rebuilt when the app starts.</summary>
public sealed class SearchIndexRebuildTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task A_stale_index_is_rebuilt_from_the_data_at_start_up()
    {
        using (var first = new RegistryFactory(_folder))
        {
            using var client = first.CreateClient();
            Assert.Contains("/sites/temple-of-baalshamin", await client.HitsAsync("q=Baalšamin"));
        }
        await using (var connection = await TestDatabase.OpenAsync(_folder))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await SqlDialect.Of(connection).FullText.ClearAsync(connection, transaction, CancellationToken.None);
            await connection.ExecuteAsync("UPDATE search_index_state SET text_version = 0", transaction: transaction);
            await transaction.CommitAsync();
        }

        using var second = new RegistryFactory(_folder);
        using var again = second.CreateClient();
        var hits = await again.HitsAsync("q=Baalšamin");
        await using var check = await second.OpenDatabaseAsync();
        var version = await check.ExecuteScalarAsync<long>("SELECT text_version FROM search_index_state");

        Assert.Contains("/sites/temple-of-baalshamin", hits);
        Assert.Equal(SearchText.Version, version);
    }
}
