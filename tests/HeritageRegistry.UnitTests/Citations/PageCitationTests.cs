using System.Text.Json;
using HeritageRegistry.Citations;
using HeritageRegistry.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.UnitTests.Citations;

public sealed class PageCitationTests
{
    private static readonly ReportDetail Report = new()
    {
        Reference = "PAL-2015-0010", Title = "Temple of Bel destroyed", TitleAr = "تدمير معبد بل", Version = 4, UpdatedAt = "2024-05-01T10:00:00Z",
    };

    private static DefaultHttpContext Request(string pathBase, string path)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(Options.Create(new RegistryOptions())).BuildServiceProvider(),
        };
        (context.Request.Scheme, context.Request.Host) = ("https", new HostString("registry.example"));
        (context.Request.PathBase, context.Request.Path) = (pathBase, path);
        return context;
    }

    [Fact]
    public void On_an_Arabic_page_the_citation_gives_the_Arabic_title_in_Arabic_at_the_Arabic_address()
    {
        using var _ = new UiCulture("ar");

        var citation = PageCitation.ForReport(Request("/ar", "/reports/PAL-2015-0010/cite.json"), Report);

        Assert.Equal("تدمير معبد بل (PAL-2015-0010)", citation.Title);
        Assert.Equal("ar", citation.Language);
        Assert.Equal("https://registry.example/ar/reports/PAL-2015-0010", citation.Url.ToString());
        using var csl = JsonDocument.Parse(CslJson.Write([citation.AsSource()]));
        Assert.Equal("ar", csl.RootElement[0].GetProperty("language").GetString());
        Assert.Equal("تدمير معبد بل (PAL-2015-0010)", csl.RootElement[0].GetProperty("title").GetString());
        Assert.Contains("langid = {ar}", BibTex.Write([citation.AsSource()]), StringComparison.Ordinal);
        Assert.Contains("LA  - ar", Ris.Write([citation.AsSource()]), StringComparison.Ordinal);
    }

    [Fact]
    public void On_an_Arabic_page_a_record_without_an_Arabic_title_is_cited_in_English()
    {
        using var _ = new UiCulture("ar");

        var citation = PageCitation.ForReport(Request("/ar", "/reports/PAL-2015-0010"), Report with { TitleAr = null });

        Assert.Equal(("Temple of Bel destroyed (PAL-2015-0010)", "en"), (citation.Title, citation.Language));
    }

    [Fact]
    public void On_an_English_page_the_citation_is_English()
    {
        using var _ = new UiCulture("en");

        var citation = PageCitation.ForSite(Request("", "/sites/temple-of-bel"),
            new SiteDetail { Slug = "temple-of-bel", NameEn = "Temple of Bel", NameAr = "معبد بل", Version = 1, UpdatedAt = "2024-05-01T10:00:00Z" });

        Assert.Equal(("Temple of Bel", "en"), (citation.Title, citation.Language));
        Assert.Equal("https://registry.example/sites/temple-of-bel", citation.Url.ToString());
    }
}
