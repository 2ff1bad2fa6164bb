using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using HeritageRegistry.Data;
using HeritageRegistry.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Accounts;

public static class AuthenticationSetup
{
    public const string StampClaim = "security_stamp";
    public const string SessionClaim = "session";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    public const string LoginRateLimit = "login";

    /// <summary>Cookie sign-in, the role policies, the folder rules and the login rate limit, in one place.</summary>
    public static IServiceCollection AddRegistryAccounts(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UserStore>();
        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<GuessThrottle>();
        services.AddSingleton<CredentialChecker>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "heritage.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = SessionLifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateStillAllowedAsync;
            options.Events.OnCheckSlidingExpiration = ExtendSessionAsync;
            options.Events.OnSigningOut = EndSessionAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CuratorPolicy, policy => policy.RequireRole(Roles.Curators))
            .AddPolicy(Roles.EditorPolicy, policy => policy.RequireRole(Roles.Editors))
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin));

        // "Every curator page needs its role" is these lines, not an attribute per page.
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Curate", Roles.CuratorPolicy);
            options.Conventions.AuthorizeFolder("/Curate/Review", Roles.EditorPolicy);
            options.Conventions.AuthorizeFolder("/Admin", Roles.AdminPolicy);
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: reading the sign-in form is free.
            options.AddPolicy(LoginRateLimit, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ =>
                    new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    }));
        });
        return services;
    }

    /// <summary>
    /// A session ends at its next request when it was signed out (its row is gone), or its user was
    /// disabled or changed (the security stamp moved on).
    /// </summary>
    private static async Task ValidateStillAllowedAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var principal = context.Principal!;
        var user = principal.FindFirstValue(SessionClaim) is { } session
            ? await sessions.FindUserAsync(session, context.HttpContext.RequestAborted)
            : null;
        if (user is null || user.Id != principal.UserId() || user.IsDisabled || user.SecurityStamp != principal.FindFirstValue(StampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static async Task ExtendSessionAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal?.FindFirstValue(SessionClaim) is { } session)
        {
            await context.HttpContext.RequestServices.GetRequiredService<SessionStore>()
                .ExtendAsync(session, SessionLifetime, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>Signing out deletes the session's row, so the cookie is refused even where it was copied to.</summary>
    private static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(SessionClaim) is { } session)
        {
            // Not the request's token: a client leaving mid-request must not leave its session alive.
            await context.HttpContext.RequestServices.GetRequiredService<SessionStore>().EndAsync(session, CancellationToken.None);
        }
    }

    public static ClaimsPrincipal PrincipalFor(AppUser user, string sessionId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.SecurityStamp),
        new Claim(SessionClaim, sessionId),
    ], CookieAuthenticationDefaults.AuthenticationScheme));
}
