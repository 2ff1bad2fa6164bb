using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace HeritageRegistry.Pages.Curate;

/// <summary>Where a curators' list lives and what it calls things: its address, heading, and the pages that edit and add its records.</summary>
public sealed record ListPage(string Path, string Heading, string EditPath, string NewPath, string NewLabel);

/// <summary>
/// A curators' list of one record type (Reports, Sites, Sources and Photos below, one page each, one partial
/// for all): its URL read into a checked <see cref="CuratedListQuery"/>, every bad parameter named by the form with
/// a 400, and links that keep the filters while changing the order or the page.
/// </summary>
public abstract class RecordListModel(CuratedList list, ListPage page, CuratedListStore store) : PageModel
{
    public const int DefaultPageSize = 50;

    public CuratedList List => list;
    public ListPage ListPage => page;
    public CuratedListQuery Query { get; private set; } = new(null, null, null, null, list.Sorts[0], list.Sorts[0].NewestFirst, 1, DefaultPageSize);
    public CuratedPage Results { get; private set; } = new([], 0);
    public IReadOnlyList<PlaceChoice> Places { get; private set; } = [];
    public IReadOnlyList<AuthorChoice> Authors { get; private set; } = [];

    /// <summary>What was wrong with the URL, by parameter; any error means a 400 and no list.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long PageCount => Math.Max(1, (Math.Min(Results.Total, SearchQuery.MaxResultWindow) + Query.PageSize - 1) / Query.PageSize);

    /// <summary>The value given for a parameter, to show back in the form as typed.</summary>
    public string? Given(string name) => Request.Query[name].FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Places = list.PlaceColumn is null ? [] : await store.PlacesAsync(cancellationToken);
        Authors = await store.AuthorsAsync(cancellationToken);
        Query = Parse();
        if (Errors.Count > 0)
        {
            // Say what was wrong and show nothing half-filtered.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Results = await store.PageAsync(list, Query, cancellationToken);
        return Page();
    }

    /// <summary>This list with the same filters, at another page or in another order.</summary>
    public string Link(int? pageNumber = null, ListSort? sort = null, bool? descending = null)
    {
        var (chosen, down) = (sort ?? Query.Sort, descending ?? Query.Descending);
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add(new(name, value));
            }
        }
        Add("q", Query.Text);
        Add("site", Query.Site);
        Add("state", Query.State?.Term.Code);
        Add("author", Query.Author);
        Add("sort", chosen == list.Sorts[0] ? null : chosen.Code);
        Add("dir", down == chosen.NewestFirst ? null : down ? "desc" : "asc");
        Add("size", Query.PageSize == DefaultPageSize ? null : Query.PageSize.ToString(CultureInfo.InvariantCulture));
        Add("page", (pageNumber ?? 1) == 1 ? null : pageNumber!.Value.ToString(CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString(Url.Content("~" + page.Path), parameters);
    }

    private CuratedListQuery Parse()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in Request.Query)
        {
            var given = raw.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).ToList();
            if (given.Count > 1)
            {
                Errors[name] = $"Give {name} only once.";
            }
            else if (given.Count == 1)
            {
                values[name] = given[0]!;
            }
        }
        var text = values.GetValueOrDefault("q");
        if (text is { Length: > FtsQuery.MaxLength })
        {
            Errors["q"] = $"The words are {text.Length} characters long; a search takes at most {FtsQuery.MaxLength}.";
        }
        var site = values.GetValueOrDefault("site");
        if (site is not null && list.PlaceColumn is not null && !Places.Any(p => string.Equals(p.Slug, site, StringComparison.OrdinalIgnoreCase)))
        {
            Errors["site"] = $"No place has the address name '{site}'. Choose one from the list.";
        }
        var state = CurationState.Find(values.GetValueOrDefault("state"));
        if (values.TryGetValue("state", out var stateCode) && state is null)
        {
            Errors["state"] = $"'{stateCode}' is not a state. Use one of: {string.Join(", ", CurationState.All.Select(s => s.Term.Code))}.";
        }
        var author = values.GetValueOrDefault("author");
        if (author is not null && !Authors.Any(a => string.Equals(a.Login, author, StringComparison.OrdinalIgnoreCase)))
        {
            Errors["author"] = $"No one signs in as '{author}'. Choose a person from the list.";
        }
        var sortCode = values.GetValueOrDefault("sort");
        var sort = sortCode is null ? list.Sorts[0]
            : list.Sorts.FirstOrDefault(s => s.Code.Equals(sortCode, StringComparison.OrdinalIgnoreCase))
              ?? Fail("sort", $"'{sortCode}' is not an order of this list. Use one of: {string.Join(", ", list.Sorts.Select(s => s.Code))}.", list.Sorts[0]);
        var descending = values.GetValueOrDefault("dir")?.ToLowerInvariant() switch
        {
            null => sort.NewestFirst,
            "asc" => false,
            "desc" => true,
            var other => Fail("dir", $"'{other}' is not a direction: use asc or desc.", sort.NewestFirst),
        };
        var size = Number(values, "size", DefaultPageSize, SearchQuery.MaxPageSize);
        var number = Number(values, "page", 1, int.MaxValue);
        if (!Errors.ContainsKey("size") && !Errors.ContainsKey("page") && number > SearchQuery.LastPage(size))
        {
            Errors["page"] = $"Page {number} is beyond the first {SearchQuery.MaxResultWindow} records, as far as a list pages; at {size} a page, "
                + $"the last page is {SearchQuery.LastPage(size)}. Narrow the list with words or filters to reach the rest.";
        }
        return new CuratedListQuery(text, list.PlaceColumn is null ? null : site?.ToLowerInvariant(), state,
            Authors.FirstOrDefault(a => string.Equals(a.Login, author, StringComparison.OrdinalIgnoreCase))?.Login, sort, descending, number, size);
    }

    private T Fail<T>(string name, string message, T fallback)
    {
        Errors[name] = message;
        return fallback;
    }

    private int Number(Dictionary<string, string> values, string name, int fallback, int max) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max ? number
        : Fail(name, max == int.MaxValue ? $"'{text}' is not a {name} number: use a whole number from 1." : $"'{text}' is not a {name}: use a whole number from 1 to {max}.", fallback);
}

public sealed class ReportListModel(CuratedListStore store)
    : RecordListModel(CuratedList.Reports, new("/curate/reports", "Reports", "/curate/reports/edit", "/curate/reports/edit", "New report"), store);

public sealed class SiteListModel(CuratedListStore store)
    : RecordListModel(CuratedList.Sites, new("/curate/sites", "Places", "/curate/sites/edit", "/curate/sites/edit", "New site"), store);

public sealed class SourceListModel(CuratedListStore store)
    : RecordListModel(CuratedList.Sources, new("/curate/sources", "Sources", "/curate/sources/edit", "/curate/sources/edit", "New source"), store);

public sealed class PhotoListModel(CuratedListStore store)
    : RecordListModel(CuratedList.Photos, new("/curate/photos", "Photos", "/curate/photos/edit", "/curate/photos/upload", "Upload photos"), store);
