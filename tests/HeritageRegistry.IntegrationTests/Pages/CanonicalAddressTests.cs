using System.Net;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Pages;

/// <summary>A page and its API resource answer a key typed in any case the same way: a permanent redirect to the one address.</summary>
public sealed class CanonicalAddressTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    [Theory]
    [InlineData("/sites/TEMPLE-OF-BEL", "/sites/temple-of-bel")]
    [InlineData("/api/v1/sites/TEMPLE-OF-BEL", "/api/v1/sites/temple-of-bel")]
    [InlineData("/reports/pal-2015-0010", "/reports/PAL-2015-0010")]
    [InlineData("/api/v1/reports/pal-2015-0010", "/api/v1/reports/PAL-2015-0010")]
    [InlineData("/sources/s01", "/sources/S01")]
    [InlineData("/api/v1/sources/s01", "/api/v1/sources/S01")]
    [InlineData("/sites/Temple-of-Bel/sources.ris", "/sites/temple-of-bel/sources.ris")]
    [InlineData("/sites/Temple-of-Bel/cite.bib?download=1", "/sites/temple-of-bel/cite.bib?download=1")]
    public async Task A_key_in_another_case_redirects_permanently_to_the_records_address(string requested, string canonical)
    {
        using var client = registry.CreateClient();

        var response = await client.GetAsync(requested);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(canonical)).StatusCode);
    }

    [Theory]
    [InlineData("/sites/NO-SUCH-PLACE")]
    [InlineData("/api/v1/reports/pal-1999-0001")]
    [InlineData("/sites/'%20OR%201=1%20--")]
    public async Task A_key_that_names_no_record_is_not_found_in_any_case(string requested)
    {
        using var client = registry.CreateClient();

        var response = await client.GetAsync(requested);
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
        {
            response = await client.GetAsync(response.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
