using System.Text.RegularExpressions;
using HeritageRegistry.Text;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Each record has one address: a place by its lower-case slug, a report or source by its reference in
/// capitals (/sites/temple-of-bel, /reports/PAL-2015-0010). A request naming the key in another case, on
/// a page, in the API or an export, is sent to that address with a permanent redirect, so links and
/// citations converge on one address and the page cache holds one copy.
/// </summary>
public static partial class CanonicalAddresses
{
    public static IApplicationBuilder UseCanonicalAddresses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && Canonical(context) is { } path)
        {
            context.Response.Redirect(path + context.Request.QueryString, permanent: true);
            return;
        }
        await next();
    });

    /// <summary>The request's path with its keys in their canonical case, or null when it already is.</summary>
    private static string? Canonical(HttpContext context)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        Rename(renamed, context.Request.RouteValues["slug"], key => key.ToLowerInvariant(), Slug.IsValid);
        Rename(renamed, context.Request.RouteValues["reference"], key => key.ToUpperInvariant(), Reference().IsMatch);
        if (renamed.Count == 0)
        {
            return null;
        }
        var segments = context.Request.Path.Value!.Split('/')
            .Select(s => renamed.TryGetValue(Uri.UnescapeDataString(s), out var canonical) ? Uri.EscapeDataString(canonical) : s);
        return context.Request.PathBase + string.Join('/', segments);
    }

    /// <summary>Notes a key to rename when its canonical case differs and could name a record (anything else stays a 404).</summary>
    private static void Rename(Dictionary<string, string> renamed, object? key, Func<string, string> canonical, Func<string, bool> couldBeKey)
    {
        if (key is string typed && canonical(typed) is var wanted && !string.Equals(typed, wanted, StringComparison.Ordinal) && couldBeKey(wanted))
        {
            renamed[typed] = wanted;
        }
    }

    /// <summary>The shape of report and source references: capitals and digits in groups joined by hyphens (PAL-2015-0010, S01).</summary>
    [GeneratedRegex(@"^[A-Z0-9]+(?:-[A-Z0-9]+)*\z")]
    private static partial Regex Reference();
}
