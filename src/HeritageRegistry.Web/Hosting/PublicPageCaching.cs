using HeritageRegistry.Data.Editing;
using Microsoft.AspNetCore.OutputCaching;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Public read pages are served from the output cache. Every change the editor announces evicts the one tag,
/// so a page never shows a state older than the last save. Signed-in curators bypass the cache
/// (the default policy skips authenticated requests), so they always see drafts and their edits.
/// </summary>
public static class PublicPageCaching
{
    public const string Tag = "registry";
    private const string Policy = "public-pages";

    private static readonly string[] PublicPages =
        ["/Index", "/Sites/Index", "/Sites/Site", "/Sites/Compare", "/Photos/Photo", "/Reports/Index", "/Reports/Report", "/Sources/Index", "/Sources/Source", "/Methodology", "/Map", "/Search/Index"];

    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy.Tag(Tag).Expire(TimeSpan.FromMinutes(10))));
        services.AddSingleton<IRecordsChangedListener, Eviction>();
        return services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            foreach (var page in PublicPages)
            {
                options.Conventions.AddPageApplicationModelConvention(page,
                    model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Policy }));
            }
        });
    }

    /// <summary>Evicts the public pages after every committed change.</summary>
    private sealed class Eviction(IOutputCacheStore cache) : IRecordsChangedListener
    {
        public Task RecordsChangedAsync(IReadOnlyCollection<ChangedRecord> changed, CancellationToken cancellationToken) =>
            cache.EvictByTagAsync(Tag, cancellationToken).AsTask();
    }
}
