using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>A method a page has no handler for is a 405 naming the methods it takes, never a page run half-way (a 500).</summary>
public sealed class UnsupportedMethodTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/sites/temple-of-bel")]
    [InlineData("TRACE", "/reports")]
    [InlineData("TRACE", "/search?q=bel")]
    [InlineData("TRACE", "/methodology")]
    [InlineData("OPTIONS", "/sites")]
    [InlineData("PROPFIND", "/sources/S01")]
    public async Task A_public_page_answers_an_unsupported_method_with_405_and_the_methods_it_allows(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_form_page_names_post_among_its_methods()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/account/login"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("TRACE", "/curate")]
    [InlineData("TRACE", "/admin/users")]
    [InlineData("PUT", "/sites/temple-of-bel")]
    [InlineData("DELETE", "/reports/PAL-2015-0001")]
    [InlineData("PATCH", "/search")]
    [InlineData("TRACE", "/api/v1/sites")]
    [InlineData("TRACE", "/search.csv?q=bel")]
    [InlineData("TRACE", "/no/such/page")]
    public async Task No_method_on_any_address_is_a_server_error(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.InRange((int)response.StatusCode, 300, 499);
    }
}
