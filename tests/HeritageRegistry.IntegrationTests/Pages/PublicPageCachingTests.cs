using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pages;

public sealed class PublicPageCachingTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_public_page_is_served_from_the_cache_until_a_curator_changes_a_record()
    {
        using var visitor = _factory.CreateClient();
        await visitor.GetPageAsync("/sites/temple-of-bel");

        var statementsWhenCached = await StatementCounter.CountAsync(_factory, () => visitor.GetPageAsync("/sites/temple-of-bel"));
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var edit = await curator.Client.GetPageAsync("/curate/sites/edit/2");
        await curator.SubmitAsync(edit, "form.record-form", new() { ["Input.Summary"] = "A summary changed by a curator." });
        var page = await visitor.GetPageAsync("/sites/temple-of-bel");

        Assert.Equal(0, statementsWhenCached);
        Assert.Equal("A summary changed by a curator.", page.QuerySelector(".record-header .lede")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_signed_in_curator_is_never_served_the_visitors_cached_page()
    {
        using var visitor = _factory.CreateClient();
        await visitor.GetPageAsync("/sites/temple-of-bel");
        using var curator = await CuratorSession.SignInAsync(_factory);

        var page = await curator.Client.GetPageAsync("/sites/temple-of-bel");

        Assert.NotNull(page.QuerySelector(".curator-bar a[href='/curate/sites/edit/2']"));
    }
}
