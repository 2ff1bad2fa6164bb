using HeritageRegistry.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace HeritageRegistry.Api;

/// <summary>Absolute links a response carries, so a client follows them rather than building URLs.</summary>
public sealed class ApiLinks(HttpContext context)
{
    private readonly string _origin = PublicAddress.Origin(context);

    public string To(string path) => _origin + path;

    public RecordLinks Site(string slug) => new(To($"/api/v1/sites/{slug}"), To($"/sites/{slug}"));

    public RecordLinks Report(string reference) => new(To($"/api/v1/reports/{reference}"), To($"/reports/{reference}"));

    public RecordLinks Source(string reference) => new(To($"/api/v1/sources/{reference}"), To($"/sources/{reference}"));

    /// <summary>The page of a list, with links that keep the request's filters and change only the page.</summary>
    public ApiPage<T> Page<T>(IReadOnlyList<T> items, int total, Paging paging) =>
        new(items, total, paging.Page, paging.PageSize, LinksFor(total, paging));

    /// <summary>Links to this page, the first and last, and its neighbours, for <paramref name="total"/> items in all.</summary>
    public PageLinks LinksFor(long total, Paging paging)
    {
        var last = (int)Math.Max(1, (total + paging.PageSize - 1) / paging.PageSize);
        return new PageLinks(
            Self: PageAt(paging.Page),
            First: PageAt(1),
            Last: PageAt(last),
            Prev: paging.Page > 1 ? PageAt(Math.Min(paging.Page - 1, last)) : null,
            Next: paging.Page < last ? PageAt(paging.Page + 1) : null);
    }

    private string PageAt(int page)
    {
        var query = context.Request.Query
            .Where(pair => !string.Equals(pair.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(To(context.Request.Path), query);
    }
}
