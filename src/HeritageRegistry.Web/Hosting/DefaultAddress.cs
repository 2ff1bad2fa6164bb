namespace HeritageRegistry.Hosting;

public static class DefaultAddress
{
    /// <summary>Where the site listens when nobody says otherwise: loopback only, so a fresh start is not exposed to the network.</summary>
    public const string Url = "http://127.0.0.1:5080";

    /// <summary>
    /// Applies <see cref="Url"/> only when no address was given. An address in appsettings.json would beat
    /// ASPNETCORE_URLS (the file is read after the environment), so the default lives here instead, and
    /// ASPNETCORE_URLS, --urls and the *_HTTP(S)_PORTS settings all land in configuration before this runs.
    /// </summary>
    public static WebApplicationBuilder UseDefaultAddressUnlessGiven(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["urls"])
            && string.IsNullOrWhiteSpace(configuration["http_ports"])
            && string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(Url);
        }
        return builder;
    }
}
