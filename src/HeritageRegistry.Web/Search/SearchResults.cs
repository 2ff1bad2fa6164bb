namespace HeritageRegistry.Search;

/// <summary>One page of a search, the total, and the facet counts beside each filter.</summary>
public sealed record SearchResults(SearchQuery Query, long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<Facet> Facets)
{
    /// <summary>The results paging reaches: all of them, or the whole pages within <see cref="SearchQuery.MaxResultWindow"/>.</summary>
    public long Reachable => Math.Min(Total, (long)SearchQuery.LastPage(Query.PageSize) * Query.PageSize);

    /// <summary>Pages to link to: those holding the results paging reaches.</summary>
    public long PageCount => (Reachable + Query.PageSize - 1) / Query.PageSize;

    /// <summary>When nothing matched: the typed words with misspelt ones corrected to the registry's names ("did you mean").</summary>
    public string? Suggestion { get; init; }

    /// <summary>The suggested search: this query with the corrected words, from its first page.</summary>
    public SearchQuery? Suggested => Suggestion is null ? null : Query with { Text = Suggestion, Page = 1 };
}

/// <summary>
/// One found record, ready for a page or JSON: where it lives, its title and a passage, each with
/// the matched words marked in the original spelling.
/// </summary>
public sealed record SearchHit
{
    /// <summary>report, site, source or photo.</summary>
    public string Type { get; init; } = "";

    /// <summary>Its public name: a report or source reference, a place's slug, a photo's number.</summary>
    public string Key { get; init; } = "";

    /// <summary>Path of its page, e.g. /reports/PAL-2015-0007.</summary>
    public string Url { get; init; } = "";

    public HighlightedText Title { get; init; } = HighlightedText.Plain("");

    /// <summary>A place's Arabic name, when it has one.</summary>
    public HighlightedText? ArabicTitle { get; init; }

    public HighlightedText? Snippet { get; init; }

    /// <summary>EDTF date: a report's event, a source's publication, a photo's taking.</summary>
    public string? Date { get; init; }

    /// <summary>Code of its kind in its type's vocabulary (report kind, site kind or source kind).</summary>
    public string? Kind { get; init; }

    public string? Severity { get; init; }

    public string? SiteSlug { get; init; }

    public string? SiteName { get; init; }
}

/// <summary>Counts for one filter: how many results each of its values would give with the other filters kept.</summary>
public sealed record Facet(string Parameter, string Label, IReadOnlyList<FacetValue> Values);

/// <param name="Code">The value the filter takes: a term code or a place's slug.</param>
/// <param name="Label">English label.</param>
/// <param name="Arabic">Arabic label, when there is one.</param>
/// <param name="Count">Results with this value and every other chosen filter.</param>
/// <param name="Selected">Whether the query has chosen it.</param>
/// <param name="Depth">For places: how deep within another place it lies (0 for a top-level place).</param>
public sealed record FacetValue(string Code, string Label, string? Arabic, long Count, bool Selected, int Depth = 0)
{
    /// <summary>"Destroyed (12)", in Arabic on Arabic pages when there is an Arabic label; without a count
    /// (-1, not computed) just the label.</summary>
    public string NameWithCount()
    {
        var name = Localization.Languages.IsArabic && Arabic is not null ? Arabic : Label;
        return Count < 0 ? name : $"{name} ({Count.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
    }
}

/// <summary>One row of a CSV export: the columns every record type shares.</summary>
public sealed record SearchExportRow
{
    public string Type { get; init; } = "";
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";
    public string? TitleAr { get; init; }
    public string? Date { get; init; }
    public string? SiteSlug { get; init; }
    public string? SiteName { get; init; }
    public string? Kind { get; init; }
    public string? Severity { get; init; }
    public string? Cause { get; init; }
    public string? Effect { get; init; }
    public string? Certainty { get; init; }
    public string? Verification { get; init; }
    public string? Description { get; init; }
    public string? Earliest { get; init; }
    public string? Latest { get; init; }
    public string? SourceReferences { get; init; }
    public string? SourceTitles { get; init; }
}
