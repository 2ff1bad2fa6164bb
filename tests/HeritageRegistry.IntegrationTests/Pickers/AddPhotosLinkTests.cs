using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pickers;

/// <summary>A report's page offers curators "Add photos", opening the upload with the report already chosen; visitors,
/// and the page the output cache keeps for them, never see it.</summary>
public sealed class AddPhotosLinkTests : IDisposable
{
    private const string ReportPage = "/reports/PAL-2015-0015";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_curator_sees_add_photos_on_a_report_and_it_opens_the_upload_with_the_report_and_its_place_chosen()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var link = (await curator.Client.GetPageAsync(ReportPage)).QuerySelector(".curator-bar a.add-photos")!;
        var upload = await curator.Client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal("Add photos", link.TextContent);
        Assert.Equal("PAL-2015-0015 — Columns of the Bel sanctuary brought down in the cella blast", Field(upload, "Input_ReportId"));
        Assert.Equal("temple-of-bel — Temple of Bel", Field(upload, "Input_SiteId"));
    }

    [Fact]
    public async Task A_visitor_never_sees_add_photos_neither_fresh_nor_from_the_cache_after_a_curator_has_seen_the_page()
    {
        using var visitor = _factory.CreateClient();
        using var curator = await CuratorSession.SignInAsync(_factory);

        var fresh = await visitor.GetPageAsync(ReportPage);
        var curators = await curator.Client.GetPageAsync(ReportPage);
        IHtmlDocument? cached = null;
        var statements = await StatementCounter.CountAsync(_factory, async () => cached = await visitor.GetPageAsync(ReportPage));

        Assert.Null(fresh.QuerySelector("a.add-photos"));
        Assert.NotNull(curators.QuerySelector("a.add-photos"));
        Assert.Equal(0, statements); // served from the output cache
        Assert.Null(cached!.QuerySelector("a.add-photos"));
        Assert.DoesNotContain("/curate/photos/upload", cached.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_curator_who_sees_the_page_first_leaves_nothing_in_the_cache_for_visitors()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        using var visitor = _factory.CreateClient();

        await curator.Client.GetPageAsync(ReportPage);
        var page = await visitor.GetPageAsync(ReportPage);

        Assert.Null(page.QuerySelector("a.add-photos"));
        Assert.Null(page.QuerySelector(".curator-bar"));
    }

    private static string Field(IHtmlDocument page, string id) => ((IHtmlInputElement)page.QuerySelector($"#{id}")!).Value;
}
