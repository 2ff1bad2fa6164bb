using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pages;

public sealed class NotFoundAndBadInputTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Theory]
    [InlineData("/sites/no-such-place")]
    [InlineData("/reports/PAL-1999-0001")]
    [InlineData("/sources/S999")]
    [InlineData("/no/such/page")]
    [InlineData("/sites/%27%20OR%201%3D1%20--")]
    public async Task An_unknown_address_gets_a_friendly_404_page(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/sites']"));
    }

    [Theory]
    [InlineData("/sources?year=abc", "not valid")]
    [InlineData("/sources?year=12345", "from 1 to 9999")]
    [InlineData("/sources?kind=rumour", "'rumour' is not a kind of source")]
    [InlineData("/sites?kind=pyramid", "'pyramid' is not a kind of place")]
    public async Task A_bad_filter_gets_a_clear_message_and_a_400(string url, string message)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".field-error")!.TextContent);
    }

    [Fact]
    public async Task The_status_page_is_not_an_address_of_its_own()
    {
        var response = await _client.GetAsync("/status/500");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
