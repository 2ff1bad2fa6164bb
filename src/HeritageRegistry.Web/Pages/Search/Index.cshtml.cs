using HeritageRegistry.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Search;

/// <summary>
/// Search everything public: one box, filters with counts, order and pages, all in the URL.
/// Bad parameters are named on the page with a 400, never a 500.
/// </summary>
public sealed class IndexModel(SearchStore search) : PageModel
{
    public SearchQuery Query { get; private set; } = new();

    public SearchResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parse = SearchQuery.Parse(Request.Query);
        Query = parse.Query;
        var errors = new Dictionary<string, string>(parse.Errors, StringComparer.OrdinalIgnoreCase);
        if (parse.IsValid)
        {
            Results = await search.SearchAsync(Query, cancellationToken);
            if (Results is null)
            {
                errors["site"] = $"No public place has the address name '{Query.Site}'.";
            }
        }
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The id of the form field for a parameter, for error links; null for parameters without one (page, size).</summary>
    public string? FieldOf(string parameter) =>
        parameter == "q" ? "q"
        : parameter is "site" or "from" or "to" or "sort" || SearchFilters.All.Any(f => f.Parameter == parameter) ? $"f-{parameter}"
        : null;

    /// <summary>What was typed in a field, so a bad value is shown back for correction.</summary>
    public string Given(string name) => Request.Query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";

    /// <summary>A filter's choices: with counts when there are results, otherwise every term.</summary>
    public IReadOnlyList<FacetValue> Choices(SearchFilter filter) =>
        Results?.Facets.FirstOrDefault(f => f.Parameter == filter.Parameter)?.Values
        ?? [.. filter.Terms.Select(t => new FacetValue(t.Code, t.English, t.Arabic, -1, t.Code == Given(filter.Parameter)))];

    public IReadOnlyList<FacetValue> Places => Results?.Facets.FirstOrDefault(f => f.Parameter == "site")?.Values ?? [];

    /// <summary>Page numbers to link: the first, the last, and two either side of the current one.</summary>
    public IEnumerable<long> PageLinks()
    {
        var last = Results?.PageCount ?? 0;
        long current = Query.Page;
        return new[] { 1, current - 2, current - 1, current, current + 1, current + 2, last }
            .Where(p => p >= 1 && p <= last).Distinct().Order();
    }
}
