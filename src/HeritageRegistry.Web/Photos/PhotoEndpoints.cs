using HeritageRegistry.Accounts;
using Microsoft.Net.Http.Headers;

namespace HeritageRegistry.Photos;

public static class PhotoEndpoints
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Derived copies at content-hashed addresses: the bytes behind an address never change, so they
    /// are cached for a year as immutable and revalidate with a 304. Originals go to curators only.
    /// </summary>
    public static IEndpointRouteBuilder MapPhotoFiles(this IEndpointRouteBuilder app)
    {
        // HEAD as well as GET: caches and link checkers ask for the headers alone; the file result sends no body to a HEAD.
        app.MapMethods("/photos/files/{sha256:regex(^[0-9a-f]{{64}}$)}/{size:regex(^(thumb|display)$)}.jpg", ReadMethods,
            async (string sha256, string size, HttpContext context, PhotoStore photos, PhotoFiles files, CancellationToken cancellationToken) =>
            {
                var path = files.Derived(sha256, size);
                if (!await photos.IsVisibleAsync(sha256, context.User.IsCurator(), cancellationToken) || !File.Exists(path))
                {
                    return Results.NotFound();
                }
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.File(path, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{sha256}-{size}\""));
            });

        app.MapMethods("/curate/photos/{id:long}/original", ReadMethods, async (long id, PhotoStore photos, PhotoFiles files, CancellationToken cancellationToken) =>
            await photos.OriginalAsync(id, cancellationToken) is { } original && File.Exists(files.Original(original.Sha256))
                ? Results.File(files.Original(original.Sha256), $"image/{original.Format}", $"photo-{id}.{(original.Format == "jpeg" ? "jpg" : original.Format)}")
                : Results.NotFound())
            .RequireAuthorization(Roles.CuratorPolicy);
        return app;
    }
}
