using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Trusts X-Forwarded-For and X-Forwarded-Proto from the proxies listed in
/// <c>Registry:Proxy:KnownProxies</c> (environment: <c>Registry__Proxy__KnownProxies__0</c>, …) and
/// from nowhere else, so a request's client address and https-ness are the real ones behind a
/// proxy, and nobody can claim them by sending the headers directly.
/// </summary>
public static class ForwardedProxies
{
    public const string Setting = "Registry:Proxy:KnownProxies";

    public static IServiceCollection AddForwardedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection(Setting).Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Setting}: '{proxy}' is not an IP address."));
            }
        });
        return services;
    }
}
