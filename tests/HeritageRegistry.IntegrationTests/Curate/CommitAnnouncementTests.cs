using Dapper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>What follows a commit (the page cache, the search) is told of it whether or not the client is still there.</summary>
public sealed class CommitAnnouncementTests : IDisposable
{
    private readonly RegistryFactory _registry = new();
    private readonly CancellationTokenSource _request = new();

    public void Dispose()
    {
        _request.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public async Task A_save_whose_client_hangs_up_as_it_commits_still_refreshes_the_public_pages()
    {
        // The client hangs up the moment the commit's effects start to spread; the cache store honours
        // whatever token it is given, as a store across the network (Redis, a database) does.
        using var app = _registry.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(memory);
            services.AddSingleton<IOutputCacheStore>(provider => new HangUpOnEviction((IOutputCacheStore)memory.ImplementationFactory!(provider), _request));
        }));
        using var visitor = app.CreateClient();
        await visitor.GetPageAsync("/reports/PAL-2015-0010");
        await visitor.GetPageAsync("/search?q=zircon");
        var editor = app.Services.GetRequiredService<RecordEditor>();
        var id = await IdAsync(app.Services, "PAL-2015-0010");
        var record = (await editor.GetAsync(RecordType.Report, id, CancellationToken.None))!;

        var saved = await editor.UpdateAsync(RecordType.Report, id, record.Version,
            new Dictionary<string, object?>(record.Values) { ["title"] = "Zircon-coloured scorch marks on the cella" }, null, null, _request.Token);

        Assert.True(_request.IsCancellationRequested, "the client hung up after the commit");
        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.Equal("Zircon-coloured scorch marks on the cella", (await visitor.GetPageAsync("/reports/PAL-2015-0010")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Zircon-coloured scorch marks", (await visitor.GetPageAsync("/search?q=zircon")).Text());
    }

    private static async Task<long> IdAsync(IServiceProvider services, string reference)
    {
        await using var connection = await services.GetRequiredService<Data.Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM damage_report WHERE reference = @reference", new { reference });
    }

    /// <summary>The real page cache, with a client that disconnects as eviction begins.</summary>
    private sealed class HangUpOnEviction(IOutputCacheStore store, CancellationTokenSource request) : IOutputCacheStore
    {
        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            await request.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            await store.EvictByTagAsync(tag, cancellationToken);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            store.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
