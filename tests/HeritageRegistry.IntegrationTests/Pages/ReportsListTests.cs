using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>/reports filters and downloads through the search limited to reports, so both lists mean the same.</summary>
public sealed class ReportsListTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task The_filter_form_opens_the_equivalent_search_of_reports()
    {
        var page = await _client.GetPageAsync("/reports");
        var form = (IHtmlFormElement)page.QuerySelector("form#report-filters")!;
        var fields = Forms.Sent(form);
        fields["severity"] = "destroyed";
        fields["site"] = "temple-of-bel";

        var url = QueryHelpers.AddQueryString(Forms.Action(form, null), fields.Where(f => f.Value.Length > 0).ToDictionary(f => f.Key, f => (string?)f.Value));
        var response = await _client.GetAsync(url);
        var hits = await _client.HitsAsync(new Uri("http://localhost" + url).Query.TrimStart('?'));

        Assert.Equal("get", form.Method);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/search?", url, StringComparison.Ordinal);
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.StartsWith("/reports/", hit, StringComparison.Ordinal));
        Assert.Equal(await _client.HitsAsync("type=report&severity=destroyed&site=temple-of-bel&sort=oldest"), hits);
    }

    [Fact]
    public async Task Every_filter_of_the_form_is_one_the_search_accepts()
    {
        var form = (IHtmlFormElement)(await _client.GetPageAsync("/reports")).QuerySelector("form#report-filters")!;

        foreach (var select in form.Elements.OfType<IHtmlSelectElement>())
        {
            foreach (var option in select.Options.Where(o => o.Value.Length > 0))
            {
                var response = await _client.GetAsync($"/search.csv?type=report&{select.Name}={Uri.EscapeDataString(option.Value)}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{select.Name}={option.Value} answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_downloads_hold_the_reports_the_page_lists()
    {
        var page = await _client.GetPageAsync("/reports");
        var listed = page.QuerySelectorAll("table.reports tbody th a").Select(a => a.GetAttribute("href")!).ToList();
        var csvLink = page.QuerySelector(".downloads a[href^='/search.csv']")!.GetAttribute("href")!;

        var rows = SearchExportTests.Parse(await _client.GetByteArrayAsync(csvLink)).Skip(1).ToList();
        var bibliographies = page.QuerySelectorAll(".downloads a[href^='/search.']").Select(a => a.GetAttribute("href")!).Where(h => h != csvLink).ToList();

        Assert.All(rows, row => Assert.Equal("report", row[0]));
        Assert.Equal(listed.Select(l => l.Split('/')[^1]).Order(StringComparer.Ordinal), rows.Select(row => row[1]).Order(StringComparer.Ordinal));
        Assert.Equal(["/search.json?type=report&sort=oldest", "/search.bib?type=report&sort=oldest", "/search.ris?type=report&sort=oldest"], bibliographies);
        foreach (var link in bibliographies)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(link)).StatusCode);
        }
    }
}
