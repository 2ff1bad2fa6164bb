using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace HeritageRegistry.Api;

/// <summary>
/// Strong ETags and conditional GET for the open-data API. The tag is a hash of the exact bytes
/// sent, so it changes exactly when the answer does (any edit, publish or delete) and needs no
/// bookkeeping in the stores; a client that sends it back in If-None-Match gets a bodiless 304.
/// </summary>
public sealed class ConditionalGet : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (await next(context) is not IResult result)
        {
            return null;
        }
        var http = context.HttpContext;
        var response = http.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"");
            response.Headers.ETag = tag.ToString();
            // Revalidate every time: the answer is cheap to check and may change with any curator's save.
            response.Headers.CacheControl = "public, no-cache";
            if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } wanted
                && wanted.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                return Results.Empty;
            }
        }
        response.ContentLength = buffer.Length;
        // HEAD says how long the answer is without sending it (Kestrel would drop it; other hosts may not).
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, http.RequestAborted);
        }
        return Results.Empty;
    }
}
