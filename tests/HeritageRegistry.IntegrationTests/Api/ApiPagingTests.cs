using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>Page numbers at the edge of what a list accepts are an empty page or a 400 problem, never an overflow.</summary>
public sealed class ApiPagingTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Theory]
    [InlineData("/api/v1/sites")]
    [InlineData("/api/v1/reports")]
    [InlineData("/api/v1/sources")]
    public async Task The_highest_page_a_list_accepts_is_an_empty_page_with_links_back(string list)
    {
        var page = await _client.GetOkJsonAsync($"{list}?pageSize=100&page=21474836");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.EndsWith("page=1", page.GetProperty("links").GetProperty("first").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/sites?pageSize=100&page=2147483647")]
    [InlineData("/api/v1/reports?pageSize=100&page=21474837")]
    [InlineData("/api/v1/sources?page=99999999999")]
    public async Task A_page_number_whose_offset_would_overflow_is_a_400_problem(string url)
    {
        var (response, problem) = await _client.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a whole number from 1", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
    }
}
