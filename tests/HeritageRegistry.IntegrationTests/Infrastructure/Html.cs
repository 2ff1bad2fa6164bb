using AngleSharp;
using AngleSharp.Html.Dom;

namespace HeritageRegistry.IntegrationTests.Infrastructure;

/// <summary>Fetches pages and parses them with AngleSharp, the way a browser would read them.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!.ToString()));
        return (IHtmlDocument)document;
    }

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Visible text of the page, whitespace folded, for "the page says X" checks.</summary>
    public static string Text(this IHtmlDocument document) =>
        string.Join(' ', (document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
