using HeritageRegistry.Maps;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Hosting;

public static class SecurityHeaders
{
    private static string Policy(string moreImages) => $"default-src 'self'; img-src 'self' data:{moreImages}; style-src 'self'; " +
        "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The site uses none of these browser features, so no page (or anything injected into one) may ask for them.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    /// <summary>Every cookie the app sets (sign-in, antiforgery, messages) is Secure on a request that came over https.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);

    /// <summary>
    /// Headers every response carries. The content security policy allows only this
    /// origin: the site uses no CDN and no inline script, so anything else is an injection.
    /// The one exception is the map page, which may also load images from the configured tile server.
    /// A request that came over https (directly, or through a configured proxy) also gets HSTS
    /// and Secure cookies; HSTS is left out for localhost, so development is not pinned to https.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var tiles = app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value.TileSource;
        var everywhere = Policy("");
        var onTheMap = tiles is null ? everywhere : Policy(" " + tiles);
        app.UseHsts();
        app.UseCookiePolicy();
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.Equals("/map", StringComparison.OrdinalIgnoreCase) ? onTheMap : everywhere;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XFrameOptions = "DENY";
            await next(context);
        });
    }
}
