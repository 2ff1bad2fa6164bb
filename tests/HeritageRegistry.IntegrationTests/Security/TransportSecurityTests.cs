using System.Net;
using HeritageRegistry.Accounts;
using HeritageRegistry.Hosting;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Security;

/// <summary>HSTS and Secure cookies over https (directly or through a configured proxy), the permissions policy, no server banner.</summary>
public sealed class TransportSecurityTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly RegistryFactory _factory = new() { KnownProxies = [Proxy] };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_request_forwarded_as_https_by_the_configured_proxy_gets_hsts_and_a_secure_antiforgery_cookie()
    {
        using var client = ForwardedAsHttps(from: Proxy);

        var response = await client.GetAsync("/account/login");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/sites/temple-of-bel")]
    [InlineData("/sites/temple-of-bel/cite.ris")]
    [InlineData("/api/v1/sites/temple-of-bel")]
    public async Task Citations_and_api_links_name_https_when_the_configured_proxy_forwards_https(string path)
    {
        using var client = ForwardedAsHttps(from: Proxy);

        var body = await client.GetStringAsync(path);

        Assert.Contains("https://registry.example/sites/temple-of-bel", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://registry.example/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        using var client = ForwardedAsHttps(from: "10.0.0.6");

        var response = await client.GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_in_over_https_sets_a_secure_sign_in_cookie_under_hsts()
    {
        var login = await _factory.AddUserAsync(Roles.Curator);
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://registry.example/") });

        var response = await client.SignInAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("heritage.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sites/temple-of-bel")]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/sites")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_permissions_policy(string path)
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.PermissionsPolicy, response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task The_real_server_names_no_server_software_and_sends_the_permissions_policy()
    {
        var folder = TempFolder.Create();
        try
        {
            await using var app = await AppProcess.StartAsync(folder, TimeSpan.FromMinutes(2));

            var response = await app.Client.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"));
            Assert.Equal(SecurityHeaders.PermissionsPolicy, response.Headers.GetValues("Permissions-Policy").Single());
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private HttpClient ForwardedAsHttps(string from)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://registry.example/") });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, from);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }
}
