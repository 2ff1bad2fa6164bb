using System.Globalization;
using System.Threading.RateLimiting;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Per-client limits on the public's search and API requests, so one client cannot take the server
/// from everyone else: beyond the configured requests per minute (<see cref="RateLimitOptions"/>) an
/// address (<see cref="ClientAddress"/>) gets 429 with Retry-After. Signed-in curators are not limited. The search page, /search.csv
/// and the /api/v1 group name these policies; the sign-in limit lives with the accounts.
/// </summary>
public static class RequestRateLimits
{
    public const string Search = "search";
    public const string Api = "api";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Search, new PerClient(limits => limits.SearchPerMinute, answersWithProblem: false));
            options.AddPolicy(Api, new PerClient(limits => limits.ApiPerMinute, answersWithProblem: true));
            // Any other limit (the sign-in one) says when to come back too.
            options.OnRejected = (rejected, _) => TellToWaitAsync(rejected, answersWithProblem: false);
        });
        return services.Configure<RazorPagesOptions>(options => options.Conventions.AddPageApplicationModelConvention("/Search/Index",
            model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Search))));
    }

    /// <summary>A fixed window of a minute per remote address. Pages get the status page (its 429 text);
    /// the API an RFC 7807 problem.</summary>
    private sealed class PerClient(Func<RateLimitOptions, int> perMinute, bool answersWithProblem) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejected, _) => TellToWaitAsync(rejected, answersWithProblem);

        public RateLimitPartition<string> GetPartition(HttpContext context)
        {
            var limit = perMinute(context.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.RateLimits);
            if (limit <= 0 || context.User.IsInRole(Roles.Curator) || context.User.IsInRole(Roles.Admin))
            {
                return RateLimitPartition.GetNoLimiter("not limited");
            }
            return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
        }
    }

    private static async ValueTask TellToWaitAsync(OnRejectedContext rejected, bool answersWithProblem)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (answersWithProblem)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This address has made too many requests in a minute; ask again in {seconds} seconds.").ExecuteAsync(rejected.HttpContext);
        }
    }
}
