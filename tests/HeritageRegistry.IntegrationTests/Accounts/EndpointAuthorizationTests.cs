using System.Net;
using System.Text.RegularExpressions;
using HeritageRegistry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Accounts;

/// <summary>
/// Walks every endpoint the app maps (from the endpoint data source, not a hand-kept list) and
/// proves an anonymous visitor is kept out of everything outside the public set, and that no
/// anonymous POST anywhere gets through.
/// </summary>
public sealed partial class EndpointAuthorizationTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private static readonly HashSet<string> PublicPages =
    [
        "/", "/sites", "/sites/{slug}", "/reports", "/reports/{reference}", "/sources", "/sources/{reference}",
        "/methodology", "/error", "/status/{code:int}", "/account/login", "/account/logout", "/account/denied",
        "/photos/{id:long}", "/sites/{slug}/compare", "/search", "/search.csv", "/search.json", "/search.bib", "/search.ris",
        "/sources/export.{format}", "/sources/{reference}/cite.{format}", "/sites/{slug}/sources.{format}",
        "/sites/{slug}/cite.{format}", "/reports/{reference}/cite.{format}", "/photos/files/{sha256:regex(^[0-9a-f]{{64}}$)}/{size:regex(^(thumb|display)$)}.jpg",
        "/map", "/health", "/openapi/{documentName}.json", "/api/v1/sites", "/api/v1/sites/{slug}", "/api/v1/sites.geojson", "/api/v1/reports",
        "/api/v1/reports/{reference}", "/api/v1/sources", "/api/v1/sources/{reference}", "/api/v1/search", "/api/v1/{*path}",
    ];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page_outside_the_public_set()
    {
        var endpoints = MappedRoutes();
        using var client = registry.CreateClient();
        var protectedRoutes = endpoints.Where(route => !PublicPages.Contains(route)).ToList();

        Assert.Contains("/curate", protectedRoutes);
        foreach (var route in protectedRoutes)
        {
            var response = await client.GetAsync(Sample(route));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/login", StringComparison.Ordinal),
                $"GET {route} answered {(int)response.StatusCode} to an anonymous visitor");
        }
    }

    [Fact]
    public async Task No_anonymous_post_to_any_endpoint_gets_through()
    {
        using var client = registry.CreateClient();

        foreach (var route in MappedRoutes())
        {
            var response = await client.PostAsync(Sample(route), new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/login", StringComparison.Ordinal)),
                $"POST {route} answered {(int)response.StatusCode} to an anonymous visitor without a token");
        }
    }

    private List<string> MappedRoutes() => registry.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
        .Distinct()
        .ToList();

    // Route parameters filled with plausible values, so the request reaches the page itself.
    private static string Sample(string route) => RouteParameter().Replace(route, match => match.Groups[1].Value switch
    {
        "code" => "404",
        "reference" => "S01",
        "id" => "1",
        "type" => "report",
        _ => "palmyra",
    });

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
