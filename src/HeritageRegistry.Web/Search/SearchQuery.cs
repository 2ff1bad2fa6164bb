using System.Globalization;
using System.Text.Json.Serialization;
using HeritageRegistry.Dates;
using HeritageRegistry.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace HeritageRegistry.Search;

/// <summary>
/// A search as its URL says it: the words, the filters, the order and the page. Parsed the same
/// way for the search page, its CSV export and the JSON API, so one URL means one result.
/// </summary>
public sealed record SearchQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>How deep into the results paging may go, as Elasticsearch's max_result_window: a page is
    /// picked from a heap of every result before it, so a far page costs memory in proportion.</summary>
    public const int MaxResultWindow = 10_000;

    public string Text { get; init; } = "";

    /// <summary>Chosen vocabulary filters: parameter (see <see cref="SearchFilters.All"/>) → term code.</summary>
    public IReadOnlyDictionary<string, string> Terms { get; init; } = new Dictionary<string, string>();

    /// <summary>Slug of a place: results at it or at any place within it.</summary>
    public string? Site { get; init; }

    /// <summary>Reports whose event interval overlaps [From.Earliest, To.Latest]; either end may be open.</summary>
    public EdtfDate? From { get; init; }

    public EdtfDate? To { get; init; }

    public string Sort { get; init; } = "relevance";

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    [JsonIgnore]
    public FtsQuery? Words => FtsQuery.Parse(Text);

    /// <summary>Reads a query string. Every bad parameter gets its own message; unknown parameters are ignored.</summary>
    public static SearchQueryParse Parse(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in parameters)
        {
            var given = raw.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).ToList();
            if (given.Count > 1)
            {
                errors[name] = $"Give {name} only once.";
            }
            else if (given.Count == 1)
            {
                values[name] = given[0]!;
            }
        }

        var terms = new Dictionary<string, string>();
        foreach (var filter in SearchFilters.All)
        {
            if (values.TryGetValue(filter.Parameter, out var code))
            {
                if (filter.Terms.Find(code) is { } term)
                {
                    terms[filter.Parameter] = term.Code;
                }
                else
                {
                    errors[filter.Parameter] = $"'{code}' is not a {filter.Terms.Name.ToLowerInvariant()}. Use one of: {string.Join(", ", filter.Terms.Select(t => t.Code))}.";
                }
            }
        }
        var site = values.GetValueOrDefault("site")?.ToLowerInvariant();
        if (site is not null && !Slug.IsValid(site))
        {
            errors["site"] = $"'{site}' is not a place's address name (lower-case letters, digits and hyphens).";
        }
        var from = Date(values, "from", errors);
        var to = Date(values, "to", errors);
        if (from is not null && to is not null && from.Earliest > to.Latest)
        {
            errors["to"] = $"The range ends ({to.Text}) before it starts ({from.Text}).";
        }
        var sort = values.GetValueOrDefault("sort")?.ToLowerInvariant() ?? "relevance";
        if (!SearchFilters.Sorts.Contains(sort))
        {
            errors["sort"] = $"'{sort}' is not an order. Use one of: {string.Join(", ", SearchFilters.Sorts)}.";
        }
        var text = values.GetValueOrDefault("q") ?? "";
        if (FtsQuery.Refusal(text) is { } refusal)
        {
            errors["q"] = refusal;
        }
        var query = new SearchQuery
        {
            Text = text,
            Terms = terms,
            Site = site,
            From = from,
            To = to,
            Sort = sort,
            Page = Number(values, "page", 1, 1, int.MaxValue, errors),
            PageSize = Number(values, "size", DefaultPageSize, 1, MaxPageSize, errors),
        };
        if (!errors.ContainsKey("page") && !errors.ContainsKey("size") && BeyondWindow(query.Page, query.PageSize) is { } beyond)
        {
            errors["page"] = beyond;
        }
        return new SearchQueryParse(query, errors);
    }

    /// <summary>The last page that stays within <see cref="MaxResultWindow"/> at this page size.</summary>
    public static int LastPage(int pageSize) => MaxResultWindow / pageSize;

    /// <summary>Why a page is too far to show, or null when it is within the first <see cref="MaxResultWindow"/> results.</summary>
    public static string? BeyondWindow(int page, int pageSize) => page <= LastPage(pageSize) ? null
        : $"Page {page} is beyond the first {MaxResultWindow} results, as far as a search pages; at {pageSize} a page, "
          + $"the last page is {LastPage(pageSize)}. Narrow the search with words or filters to reach the rest.";

    /// <summary>The query as URL parameters, defaults left out, so links stay short and shareable.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToParameters(int? page = null)
    {
        if (Text.Length > 0)
        {
            yield return new("q", Text);
        }
        foreach (var filter in SearchFilters.All.Where(f => Terms.ContainsKey(f.Parameter)))
        {
            yield return new(filter.Parameter, Terms[filter.Parameter]);
        }
        if (Site is not null)
        {
            yield return new("site", Site);
        }
        if (From is not null)
        {
            yield return new("from", From.Text);
        }
        if (To is not null)
        {
            yield return new("to", To.Text);
        }
        if (Sort != "relevance")
        {
            yield return new("sort", Sort);
        }
        if (PageSize != DefaultPageSize)
        {
            yield return new("size", PageSize.ToString(CultureInfo.InvariantCulture));
        }
        if ((page ?? Page) is var p && p != 1)
        {
            yield return new("page", p.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A URL of this query at <paramref name="path"/>, e.g. the next page or the CSV export.</summary>
    public string Url(string path, int? page = null) => QueryHelpers.AddQueryString(path, ToParameters(page));

    /// <summary>The same query in the JSON API, whose lists call the page size pageSize.</summary>
    public string ApiUrl() => QueryHelpers.AddQueryString("/api/v1/search",
        ToParameters().Select(p => p.Key == "size" ? new KeyValuePair<string, string?>("pageSize", p.Value) : p));

    private static EdtfDate? Date(Dictionary<string, string> values, string name, Dictionary<string, string> errors)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }
        if (EdtfDate.TryParse(text, out var date, out var error))
        {
            return date;
        }
        errors[name] = error;
        return null;
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max, Dictionary<string, string> errors)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        errors[name] = max == int.MaxValue ? $"'{text}' is not a {name} number: use a whole number from {min}."
            : $"'{text}' is not a {name}: use a whole number from {min} to {max}.";
        return fallback;
    }
}

/// <summary>A parsed query and, per parameter, what was wrong with it. Errors mean a 400.</summary>
public sealed record SearchQueryParse(SearchQuery Query, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
