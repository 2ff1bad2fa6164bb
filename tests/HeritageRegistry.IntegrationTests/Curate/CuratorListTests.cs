using System.Net;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>The curators' lists read from the seeded registry: search, place filter, orders, paging and bad parameters.</summary>
public sealed class CuratorListTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private async Task<HttpClient> CuratorAsync() => (await registry.Factory.SignedInAsync(Roles.Curator)).Browser;

    [Fact]
    public async Task A_report_is_found_by_its_reference_and_by_words_of_its_title()
    {
        var curator = await CuratorAsync();

        Assert.Equal(["PAL-2015-0011"], (await curator.ListAsync("/curate/reports?q=PAL-2015-0011")).Keys());
        var byWords = await curator.ListAsync("/curate/reports?q=baalshamin+explosives");
        Assert.Contains("PAL-2015-0011", byWords.Keys());
        Assert.DoesNotContain("PAL-2015-0014", byWords.Keys());
        Assert.All(byWords.Titles(), title => Assert.Contains("Baalshamin", title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Words_are_folded_so_accents_and_arabic_letter_forms_find_places()
    {
        var curator = await CuratorAsync();

        Assert.Contains("temple-of-baalshamin", (await curator.ListAsync("/curate/sites?q=Baalšamin")).Keys());
        // معبد بعل with the article and a hamza-less alef written otherwise: folded like the public search folds it.
        var arabic = (await curator.ListAsync("/curate/sites?q=" + Uri.EscapeDataString("المعبد بعل"))).Keys();
        Assert.Contains("temple-of-bel", arabic);
        Assert.DoesNotContain("roman-theatre", arabic);
    }

    [Fact]
    public async Task The_place_filter_keeps_the_reports_of_the_place_and_of_the_places_within_it()
    {
        var curator = await CuratorAsync();

        var bel = (await curator.ListAsync("/curate/reports?site=temple-of-bel&size=100")).Keys();

        Assert.Contains("PAL-2015-0015", bel); // at the temple
        Assert.Contains("PAL-2015-0014", bel); // at its cella, within it
        Assert.DoesNotContain("PAL-2015-0011", bel); // at the temple of Baalshamin
    }

    [Fact]
    public async Task Each_report_shows_its_place()
    {
        var curator = await CuratorAsync();

        var list = await curator.ListAsync("/curate/reports?q=PAL-2015-0011");

        Assert.Equal("Place", list.QuerySelectorAll("table.record-list thead th")[2].TextContent.Trim());
        Assert.Equal("Temple of Baalshamin", list.Column(2).Single());
    }

    [Fact]
    public async Task Reports_sort_by_reference_in_both_directions()
    {
        var curator = await CuratorAsync();

        var up = (await curator.ListAsync("/curate/reports?sort=reference&size=100")).Keys();
        var down = (await curator.ListAsync("/curate/reports?sort=reference&dir=desc&size=100")).Keys();

        Assert.Equal(up.Order(StringComparer.Ordinal), up);
        Assert.Equal(up.Count, down.Count);
        Assert.Equal(down.Order(StringComparer.Ordinal).Reverse(), down);
        Assert.NotEqual(up, down);
    }

    [Theory]
    [InlineData("title", 0)]
    [InlineData("place", 2)]
    public async Task Reports_sort_by_title_and_by_place_in_both_directions(string sort, int column)
    {
        var curator = await CuratorAsync();

        // Compared by first letter: how the two databases collate the rest of a text (spaces, punctuation) differs.
        static List<char> Initials(List<string> cells) => [.. cells.Where(c => c.Length > 0 && char.IsAsciiLetter(c[0])).Select(c => char.ToLowerInvariant(c[0]))];
        var up = Initials((await curator.ListAsync($"/curate/reports?sort={sort}&size=100")).Column(column));
        var down = Initials((await curator.ListAsync($"/curate/reports?sort={sort}&dir=desc&size=100")).Column(column));

        Assert.True(up.Count > 20);
        Assert.Equal(up.Order(), up);
        Assert.Equal(down.OrderDescending(), down);
        Assert.NotEqual(up[0], down[0]);
    }

    [Fact]
    public async Task The_latest_change_comes_first_unless_another_order_is_asked_for()
    {
        var curator = await CuratorAsync();

        var changed = (await curator.ListAsync("/curate/sources?size=100")).QuerySelectorAll("table.record-list tbody time").Select(t => t.GetAttribute("datetime")!).ToList();

        Assert.True(changed.Count > 50);
        Assert.Equal(changed.OrderDescending(StringComparer.Ordinal), changed);
    }

    [Fact]
    public async Task Pages_are_bounded_and_the_links_keep_the_filters()
    {
        var curator = await CuratorAsync();

        var first = await curator.ListAsync("/curate/reports?site=palmyra&sort=reference&size=10");
        Assert.Equal(10, first.Keys().Count);
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/curate/reports?site=palmyra&sort=reference&size=10&page=2", next);
        var second = await curator.ListAsync(next);

        Assert.Empty(first.Keys().Intersect(second.Keys()));
        Assert.True(string.CompareOrdinal(first.Keys()[^1], second.Keys()[0]) < 0);
        Assert.Equal(first.Total(), second.Total());
        var titleHeader = first.QuerySelector("table.record-list thead th a")!.GetAttribute("href")!;
        Assert.Contains("site=palmyra", titleHeader, StringComparison.Ordinal);
        Assert.Contains("sort=title", titleHeader, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/curate/reports?sort=banana", "'banana' is not an order of this list")]
    [InlineData("/curate/sources?sort=place", "'place' is not an order of this list")]
    [InlineData("/curate/reports?page=99999", "Page 99999 is beyond the first 10000 records")]
    [InlineData("/curate/reports?page=abc", "'abc' is not a page number")]
    [InlineData("/curate/reports?page=0", "'0' is not a page number")]
    [InlineData("/curate/reports?size=1000", "'1000' is not a size")]
    [InlineData("/curate/sites?state=limbo", "'limbo' is not a state. Use one of: draft, review, published, deleted.")]
    [InlineData("/curate/photos?dir=sideways", "'sideways' is not a direction")]
    [InlineData("/curate/reports?site=atlantis", "No place has the address name 'atlantis'")]
    [InlineData("/curate/reports?author=nobody-at-all", "No one signs in as 'nobody-at-all'")]
    [InlineData("/curate/reports?state=draft&state=published", "Give state only once.")]
    public async Task A_bad_list_parameter_is_named_with_a_400_and_no_list(string url, string message)
    {
        var curator = await CuratorAsync();

        var response = await curator.GetAsync(url);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#list-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.record-list"));
    }

    [Fact]
    public async Task A_search_longer_than_the_limit_is_refused_by_name()
    {
        var curator = await CuratorAsync();

        var response = await curator.GetAsync("/curate/reports?q=" + new string('x', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The words are 201 characters long; a search takes at most 200.", (await Html.ParseAsync(response)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arabic_list_speaks_arabic_and_keeps_its_links_under_ar()
    {
        var curator = await CuratorAsync();

        var list = await curator.ListAsync("/ar/curate/reports?state=published&q=PAL-2015-0011");

        Assert.Equal("التقارير", list.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("منشور", list.Column(3).Single());
        Assert.StartsWith("/ar/curate/reports/edit/", list.QuerySelector("table.record-list tbody .record-title a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith("/ar/curate/reports?", list.QuerySelector("table.record-list thead th a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_cell_carries_the_class_that_wraps_long_titles_and_keeps_the_whole_title()
    {
        var curator = await CuratorAsync();

        var list = await curator.ListAsync("/curate/reports?q=PAL-2015-0011");
        var css = await registry.CreateClient().GetStringAsync("/css/site.css");

        var link = list.QuerySelector("table.record-list tbody th.record-title a")!;
        Assert.Equal(link.TextContent.Trim(), link.GetAttribute("title"));
        var rule = css[css.IndexOf(".curate-list .record-title a {", StringComparison.Ordinal)..];
        Assert.Contains("overflow-wrap: anywhere", rule[..rule.IndexOf('}', StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
