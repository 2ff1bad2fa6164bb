using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;

namespace HeritageRegistry.Localization;

/// <summary>
/// The interface's two languages: English at the unprefixed addresses, Arabic under <c>/ar</c>. The address
/// alone decides (never the browser's Accept-Language), so a link, a citation and a cached page each show
/// the language they name. The prefix moves into the request's path base, so every <c>~/</c> link, tag helper
/// and redirect of an Arabic page stays in Arabic without knowing about languages.
/// </summary>
public static class Languages
{
    public const string ArabicPrefix = "/ar";

    public static readonly CultureInfo English = WithInvariantNumbers("en");

    /// <summary>Arabic as written in Syria, where the registry's readers are: month names as Syrians say them
    /// (كانون الثاني, شباط…) on the Gregorian calendar, which is this culture's own.</summary>
    public static readonly CultureInfo Arabic = WithInvariantNumbers("ar-SY");

    /// <summary>Numbers in both languages keep the invariant form the app has always used (Western digits, a point
    /// for decimals, "Infinity"), as the registry's sources print them: a coordinate shown in a form field posts back
    /// and binds as the same number, and bad input is refused the same way, whichever language the form was in.</summary>
    private static CultureInfo WithInvariantNumbers(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        culture.NumberFormat = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>Whether the page being made is in Arabic.</summary>
    public static bool IsArabic => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";

    /// <summary>The html element's lang and dir.</summary>
    public static string Lang => IsArabic ? "ar" : "en";

    public static string Dir => IsArabic ? "rtl" : "ltr";

    /// <summary>Resource-file localization of the interface (<see cref="SharedResource"/>), for pages and their code.</summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages().AddViewLocalization();
        // One sign-in and one antiforgery cookie for both languages: by default each would be scoped to the
        // path base, so signing in under /ar would leave the English pages signed out.
        services.Configure<AntiforgeryOptions>(options => options.Cookie.Path = "/");
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options => options.Cookie.Path = "/");
        return services;
    }

    /// <summary>Moves a leading /ar into the path base and makes the request Arabic; placed first, so error
    /// and status pages, static files, routing, the output cache and canonical redirects all see it.</summary>
    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(ArabicPrefix, StringComparison.Ordinal, out var matched, out var rest))
            {
                context.Request.PathBase = context.Request.PathBase.Add(matched);
                context.Request.Path = rest;
            }
            return next(context);
        });
        return app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = [English, Arabic];
            options.SupportedUICultures = [English, Arabic];
            options.RequestCultureProviders = [new CustomRequestCultureProvider(context =>
                Task.FromResult(IsArabicAddress(context.Request) ? new ProviderCultureResult(Arabic.Name) : null))];
        });
    }

    /// <summary>Makes text in English whatever the request's language: the API and exports speak English
    /// (and codes), so an address under /ar never changes what they say.</summary>
    public static T InEnglish<T>(Func<T> make)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (English, English);
        try
        {
            return make();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The same page in English or in Arabic: the same path and query, with or without the prefix.</summary>
    public static string AddressIn(HttpRequest request, bool arabic)
    {
        var root = IsArabicAddress(request) ? request.PathBase.Value![..^ArabicPrefix.Length] : request.PathBase.Value ?? "";
        var path = request.Path.HasValue ? request.Path.Value : "/";
        return root + (arabic ? ArabicPrefix + (path == "/" ? "" : path) : path) + request.QueryString;
    }

    private static bool IsArabicAddress(HttpRequest request) =>
        request.PathBase.Value?.EndsWith(ArabicPrefix, StringComparison.Ordinal) == true;
}
