using HeritageRegistry.Data;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Hosting;

/// <summary>The origin the public reaches the site at: the configured Registry:PublicBaseUrl when set
/// (behind a proxy the request's own host may be an internal one), else the request's scheme and host.</summary>
public static class PublicAddress
{
    public static string Origin(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.PublicBaseUrl?.GetLeftPart(UriPartial.Authority)
        ?? $"{context.Request.Scheme}://{context.Request.Host}";
}
