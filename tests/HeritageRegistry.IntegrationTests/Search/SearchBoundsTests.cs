using System.Net;
using System.Text.Json;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>No query costs the server more than a bounded amount of work, and a query beyond the bounds
/// gets a message saying which, from the page, the CSV export and the API alike.</summary>
public sealed class SearchBoundsTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private static readonly string ManyParts = Uri.EscapeDataString(string.Join('-', Enumerable.Repeat("a", 90)));
    private static readonly string ManyWords = Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("bel", 40)));
    private static readonly string LongText = new('x', 1000);

    private readonly HttpClient _client = registry.CreateClient();

    public static TheoryData<string, string> OversizedQueries => new()
    {
        { ManyParts, "joined by symbols" },
        { ManyWords, "at most 16 words" },
        { LongText, "characters long" },
    };

    [Theory]
    [MemberData(nameof(OversizedQueries))]
    public async Task The_search_page_refuses_an_oversized_query_with_a_400_and_a_message_by_the_words(string q, string message)
    {
        var response = await _client.GetAsync($"/search?q={q}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelector("#search-errors a[href='#q']")!.ParentElement!;
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OversizedQueries))]
    public async Task The_api_refuses_an_oversized_query_with_a_problem_naming_q(string q, string message)
    {
        var (response, problem) = await _client.GetJsonAsync($"/api/v1/search?q={q}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OversizedQueries))]
    public async Task The_csv_export_refuses_an_oversized_query_with_a_400(string q, string message)
    {
        var (response, problem) = await _client.GetJsonAsync($"/search.csv?q={q}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_refuses_the_largest_page_number_with_a_400_naming_the_last_page()
    {
        var response = await _client.GetAsync("/search?q=a&page=2147483647");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("the last page is 500", page.QuerySelector("#search-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/search?q=bel&pageSize=100&page=10000000")]
    [InlineData("/api/v1/search?q=bel&pageSize=100&page=101")]
    [InlineData("/api/v1/search?pageSize=25&page=21474836")]
    public async Task The_api_refuses_a_page_beyond_the_result_window_with_a_problem(string url)
    {
        var (response, problem) = await _client.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("beyond the first 10000 results", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_page_of_the_result_window_is_an_ordinary_empty_page()
    {
        var page = await _client.GetOkJsonAsync("/api/v1/search?q=bel&pageSize=100&page=100");

        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }
}
