using System.Net;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Search;

/// <summary>One client cannot take search and the API from everyone else: beyond its requests per minute it is told
/// to wait (429 with Retry-After), while signed-in curators and the other pages go on.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly RegistryFactory _factory = new() { SearchPerMinute = 3, ApiPerMinute = 3 };

    [Fact]
    public async Task A_client_over_its_search_limit_gets_429_with_retry_after_and_a_page_saying_so()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search?q=bel&page={i + 1}")).StatusCode);
        }

        var response = await client.GetAsync("/search?q=palmyra");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("Too many requests", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_csv_export_counts_against_the_search_limit()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search.csv?q=bel")).StatusCode);
        }

        var response = await client.GetAsync("/search?q=bel");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_search_bibliographies_count_against_the_search_limit()
    {
        var client = _factory.CreateClient();
        foreach (var format in new[] { "bib", "ris", "json" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search.{format}?q=bel")).StatusCode);
        }

        var response = await client.GetAsync("/search.bib?q=palmyra");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_client_over_its_api_limit_gets_a_429_problem_with_retry_after()
    {
        var client = _factory.CreateClient();
        string[] urls = ["/api/v1/sites", "/api/v1/search?q=bel", "/api/v1/reports"];
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }

        var (response, problem) = await client.GetJsonAsync("/api/v1/sources");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Pages_other_than_search_are_not_limited()
    {
        var client = _factory.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sites/temple-of-bel")).StatusCode);
        }
    }

    [Fact]
    public async Task A_signed_in_curator_is_not_limited()
    {
        var (curator, _) = await _factory.SignedInAsync(Roles.Curator);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/search?q=bel&page={i + 1}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync("/api/v1/sites")).StatusCode);
        }
    }

    public void Dispose() => _factory.Dispose();
}
