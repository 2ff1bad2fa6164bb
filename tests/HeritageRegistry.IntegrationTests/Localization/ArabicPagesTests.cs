using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Localization;

/// <summary>The Arabic interface under /ar: the same pages, in Arabic, right to left, linked to their English twins.</summary>
public sealed partial class ArabicPagesTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Every_public_page_under_ar_is_arabic_and_right_to_left()
    {
        var pages = PublicPageRoutes();
        Assert.Contains("/sites/{slug}", pages);

        foreach (var route in pages)
        {
            var english = await _client.GetAsync(Sample(route));
            var response = await _client.GetAsync("/ar" + Sample(route));

            // Each answers as its English twin does: 200 for every page with a record to show, the not-found
            // page for a photo (none is seeded), 403 from the denied page, 404 for the sign-out page's GET.
            Assert.True(english.StatusCode == response.StatusCode, $"GET /ar{Sample(route)} answered {(int)response.StatusCode}, its English twin {(int)english.StatusCode}");
            var page = await Html.ParseAsync(response);
            Assert.Equal(("ar", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        }
    }

    [Fact]
    public async Task An_english_page_says_it_is_english_and_left_to_right()
    {
        var page = await _client.GetPageAsync("/sites/temple-of-bel");

        Assert.Equal(("en", "ltr"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
    }

    [Fact]
    public async Task The_arabic_navigation_is_in_arabic_and_every_link_of_an_arabic_page_stays_under_ar()
    {
        var page = await _client.GetPageAsync("/ar/sites/temple-of-bel");

        var nav = page.QuerySelectorAll("nav[aria-label] li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("الأماكن", nav);
        Assert.Contains("المنهجية", nav);
        Assert.DoesNotContain("Places", nav);
        var local = page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!)
            .Where(href => !href.StartsWith("/api/", StringComparison.Ordinal) && !href.StartsWith("/openapi/", StringComparison.Ordinal)
                && !href.Contains("/cite", StringComparison.Ordinal) && !href.Contains("/sources.", StringComparison.Ordinal))
            .Except([Switch(page)])
            .ToList();
        Assert.NotEmpty(local);
        Assert.All(local, href => Assert.True(href == "/ar" || href.StartsWith("/ar/", StringComparison.Ordinal), $"{href} leaves the Arabic pages"));
        Assert.Equal("/ar/search", page.QuerySelector("form.site-search")!.GetAttribute("action"));
    }

    [Theory]
    [InlineData("/sites/temple-of-bel", "/ar/sites/temple-of-bel")]
    [InlineData("/search?q=%D8%AA%D8%AF%D9%85%D8%B1&type=site", "/ar/search?q=%D8%AA%D8%AF%D9%85%D8%B1&type=site")]
    [InlineData("/", "/ar")]
    public async Task The_language_switch_leads_to_the_same_page_and_query_in_the_other_language(string english, string arabic)
    {
        var englishPage = await _client.GetPageAsync(english);
        var arabicPage = await _client.GetPageAsync(arabic);

        Assert.Equal(arabic, Switch(englishPage));
        Assert.Equal(english, Switch(arabicPage));
        Assert.Equal("ar", englishPage.QuerySelector(".language-switch a")!.GetAttribute("hreflang"));
    }

    [Fact]
    public async Task Both_languages_name_each_other_as_hreflang_alternates_with_english_the_default()
    {
        foreach (var address in new[] { "/reports/PAL-2015-0010", "/ar/reports/PAL-2015-0010" })
        {
            var page = await _client.GetPageAsync(address);

            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
                .ToDictionary(link => link.GetAttribute("hreflang")!, link => new Uri(link.GetAttribute("href")!).PathAndQuery);
            Assert.Equal("/reports/PAL-2015-0010", alternates["en"]);
            Assert.Equal("/ar/reports/PAL-2015-0010", alternates["ar"]);
            Assert.Equal("/reports/PAL-2015-0010", alternates["x-default"]);
        }
    }

    [Fact]
    public async Task A_severity_badge_is_arabic_on_the_arabic_page_and_english_on_the_english_one()
    {
        var english = await _client.GetPageAsync("/sites");
        var arabic = await _client.GetPageAsync("/ar/sites");

        Assert.Equal("Destroyed", BadgeOf(english, "/sites/bel-cella"));
        Assert.Equal("مدمَّر", BadgeOf(arabic, "/ar/sites/bel-cella"));
        Assert.Equal("معبد", arabic.QuerySelector("select#kind option[value=temple]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_arabic_page_gives_dates_with_arabic_month_names_of_the_gregorian_calendar()
    {
        var page = await _client.GetPageAsync("/ar/sites/temple-of-bel");

        var entry = page.QuerySelectorAll(".timeline-entry:not(.within)").Single(e => e.QuerySelector("time")!.GetAttribute("datetime") == "2015-08-30");
        // August is آب in Syria; the machine-readable date stays as it is.
        Assert.Equal("30 آب 2015", entry.QuerySelector("time")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_arabic_methodology_lists_the_vocabularies_with_their_arabic_labels()
    {
        var page = await _client.GetPageAsync("/ar/methodology");

        Assert.Equal("كيف يُدار السجلّ", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("ما الذي تعنيه حالة المكان", page.QuerySelector("#condition-heading")!.TextContent.Trim());
        var text = page.Text();
        Assert.Contains("متضرر بشدة", text, StringComparison.Ordinal);
        Assert.Contains("مدعوم بمصادر مستقلة", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/sites/temple-of-bel")]
    [InlineData("/api/v1/sites.geojson")]
    public async Task The_api_says_the_same_english_words_and_codes_while_arabic_pages_are_served(string address)
    {
        var before = await _client.GetStringAsync(address);
        await _client.GetPageAsync("/ar/sites/temple-of-bel");

        var after = await _client.GetStringAsync(address);

        Assert.Equal(before, after);
        Assert.Contains("Places within it", after, StringComparison.Ordinal);
        Assert.DoesNotContain("الأماكن التي يضمّها", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_key_under_ar_is_redirected_to_its_arabic_canonical_address()
    {
        var response = await _client.GetAsync("/ar/sites/Temple-of-Bel?x=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/ar/sites/temple-of-bel?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_missing_page_under_ar_is_an_arabic_not_found_page()
    {
        var response = await _client.GetAsync("/ar/sites/no-such-place");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("الصفحة غير موجودة", page.QuerySelector("h1")!.TextContent.Trim());
    }

    private static string Switch(IHtmlDocument page) => page.QuerySelector(".language-switch a")!.GetAttribute("href")!;

    private static string BadgeOf(IHtmlDocument page, string placeHref) =>
        page.QuerySelectorAll("table.sites tbody tr").Single(row => row.QuerySelector($"th a[href='{placeHref}']") is not null)
            .QuerySelector(".badge")!.TextContent.Trim();

    /// <summary>Every Razor page outside the curators' and admins' areas, from the app's own endpoints.</summary>
    private List<string> PublicPageRoutes() => registry.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page
            && !page.ViewEnginePath.StartsWith("/Curate", StringComparison.Ordinal) && !page.ViewEnginePath.StartsWith("/Admin", StringComparison.Ordinal))
        .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
        .Distinct()
        .ToList();

    private static string Sample(string route) => RouteParameter().Replace(route, match => match.Groups[1].Value switch
    {
        "code" => "404",
        "reference" when route.StartsWith("/reports", StringComparison.Ordinal) => "PAL-2015-0010",
        "reference" => "S01",
        "id" => "1",
        _ => "temple-of-bel",
    });

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
