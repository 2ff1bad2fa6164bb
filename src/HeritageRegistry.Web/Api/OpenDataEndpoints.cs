using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace HeritageRegistry.Api;

/// <summary>
/// The open-data API under /api/v1: read-only JSON and GeoJSON of published records, with
/// ETags, read-only CORS, RFC 7807 problems for bad requests, and an OpenAPI document at
/// /openapi/v1.json. Each resource maps itself (MapSitesApi, ...); a new one (search) adds
/// its own MapXxxApi file and one call in <see cref="MapOpenData"/>.
/// </summary>
public static class OpenDataEndpoints
{
    public const string CorsPolicy = "open-data";
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<ApiStore>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            // snake_case like the GeoJSON properties and the database; Arabic names stay readable, not \u-escaped.
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        // Anyone may read from any origin; nothing here is written and no credentials are honoured.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head).AllowAnyHeader()
            .WithExposedHeaders(HeaderNames.ETag).SetPreflightMaxAge(TimeSpan.FromHours(24))));
        services.AddOpenApi(ApiDocs.Describe);
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireCors(CorsPolicy).RequireRateLimiting(Hosting.RequestRateLimits.Api).AddEndpointFilter<ConditionalGet>();
        api.MapSitesApi().MapReportsApi().MapSourcesApi().MapGeoJsonApi().MapSearchApi();
        // Anything else under the prefix is a 404 problem, not the HTML status page.
        api.MapFallback("/{*path}", () => ApiProblems.NotFound("There is no such address in this API; see /openapi/v1.json.")).ExcludeFromDescription();
        app.MapOpenApi();
        return app;
    }

    /// <summary>A read endpoint: GET, described in the OpenAPI document, and HEAD (same headers, no body), left out of it.</summary>
    internal static RouteHandlerBuilder MapRead(this RouteGroupBuilder api, string pattern, Delegate handler)
    {
        api.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return api.MapGet(pattern, handler);
    }
}
