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
    public const string LoginRateLimit = "login";

    /// <summary>Cookie sign-in, the two role policies, the folder rules and the login rate limit, in one place.</summary>
    public static IServiceCollection AddRegistryAccounts(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UserStore>();
        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
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
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateStillAllowedAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CuratorPolicy, policy => policy.RequireRole(Roles.Curator, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin));

        // "Every curator page needs its role" is these two lines, not an attribute per page.
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Curate", Roles.CuratorPolicy);
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

    /// <summary>A disabled or changed account ends its sessions at their next request.</summary>
    private static async Task ValidateStillAllowedAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = context.Principal?.UserId() is { } id ? await users.FindByIdAsync(id, context.HttpContext.RequestAborted) : null;
        if (user is null || user.IsDisabled || user.SecurityStamp != context.Principal!.FindFirstValue(StampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public static ClaimsPrincipal PrincipalFor(AppUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.SecurityStamp),
    ], CookieAuthenticationDefaults.AuthenticationScheme));
}
