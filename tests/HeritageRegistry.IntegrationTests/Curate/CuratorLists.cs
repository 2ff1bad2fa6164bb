using System.Globalization;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>Reads a curators' list page (/curate/reports, /sites, /sources, /photos) as a curator sees it.</summary>
public static class CuratorLists
{
    public static async Task<IHtmlDocument> ListAsync(this HttpClient client, string url) => await client.GetPageAsync(url);

    /// <summary>The references (or address names) of the rows, in the order shown.</summary>
    public static List<string> Keys(this IHtmlDocument list) =>
        [.. list.QuerySelectorAll("table.record-list tbody tr").Select(row => row.QuerySelector(".record-key")!.TextContent.Trim())];

    public static List<string> Titles(this IHtmlDocument list) =>
        [.. list.QuerySelectorAll("table.record-list tbody .record-title").Select(cell => cell.TextContent.Trim())];

    /// <summary>The cells of one column (0 = title), in the order shown.</summary>
    public static List<string> Column(this IHtmlDocument list, int index) =>
        [.. list.QuerySelectorAll("table.record-list tbody tr").Select(row => row.Children[index].TextContent.Trim())];

    /// <summary>How many records match in all pages.</summary>
    public static long Total(this IHtmlDocument list) =>
        long.Parse(list.QuerySelector(".list-count")!.GetAttribute("data-total")!, CultureInfo.InvariantCulture);

    /// <summary>The edit page's address of the record with this reference or address name, found by searching the list.</summary>
    public static async Task<string> EditUrlAsync(this HttpClient client, string list, string key)
    {
        var page = await client.ListAsync($"{list}?q={Uri.EscapeDataString(key)}");
        return page.QuerySelectorAll("table.record-list tbody tr")
            .Single(row => row.QuerySelector(".record-key")!.TextContent.Trim() == key)
            .QuerySelector(".record-title a")!.GetAttribute("href")!;
    }
}
