using System.Text.Json;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>Reads API answers as the JSON a client would parse.</summary>
public static class ApiJson
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetOkJsonAsync(this HttpClient client, string url)
    {
        var (response, body) = await client.GetJsonAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return body;
    }

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static List<string> Strings(this JsonElement items, string name) =>
        [.. items.EnumerateArray().Select(item => item.GetProperty(name).GetString()!)];

    /// <summary>Every item of a paged list, following its "next" links from the given address.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(this HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetOkJsonAsync(next);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("links").GetProperty("next").GetString();
        }
        return items;
    }
}
