using HeritageRegistry.Data;

namespace HeritageRegistry.Search;

/// <summary>A record that may be a result: where it is in the doc values, how well it matched (bm25, lower is better),
/// how much of a place's name the query is (<see cref="PlaceNames.Score"/>), and its date for ordering.
/// Laid out by the runtime (the two ints share one 8-byte slot): 32 bytes, as many are held as a search matches.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct Candidate(int Type, long Id, double Rank = 0, int Date = 0, double Name = 0);

/// <summary>The results of a search in order, and every facet's counts.</summary>
public sealed record DocSearchOutcome(IReadOnlyList<Candidate> Results, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Counts);

/// <summary>
/// Filters candidates by their doc values (<see cref="SearchDocs"/>), counts each facet over the
/// records that pass every filter but its own (so a count is what choosing that value gives), and
/// orders the results. The same meaning as the SQL of the CSV export, done in memory.
/// </summary>
public static class DocSearch
{
    // The order Values fills: SearchFilters.All (type, kind, sitekind, cause, effect, severity, certainty, verification, sourcekind), then site.
    private static readonly string[] FacetNames = [.. SearchFilters.All.Select(f => f.Parameter), "site"];
    private static readonly int SiteFacet = FacetNames.Length - 1;

    // Alphabetical order of type names (photo, report, site, source): the tie-break the export's SQL uses.
    private static readonly int[] TypeOrder = [.. SearchIndex.Types.Select(t => SearchIndex.Types.Order(StringComparer.Ordinal).ToList().IndexOf(t))];

    private static readonly int SiteType = SearchIndex.Types.IndexOf("site");

    public static DocSearchOutcome Run(SearchQuery query, IReadOnlySet<int>? scope, IEnumerable<Candidate>? matches, SearchDocs.Doc[][] docs,
        PlaceNames? names = null)
    {
        // Only relevance asks which places the words name; each matching place is scored once, as it passes.
        var named = query.Sort == "relevance" && names is not null && query.Words is { IsEmpty: false } words ? words : null;
        // wanted[f]: the value facet f's filter asks for, or -1 when it is not chosen.
        var wanted = new int[FacetNames.Length];
        Array.Fill(wanted, -1);
        for (var f = 0; f < SearchFilters.All.Count; f++)
        {
            var filter = SearchFilters.All[f];
            if (query.Terms.TryGetValue(filter.Parameter, out var code))
            {
                wanted[f] = filter.Parameter == "type" ? SearchIndex.Types.IndexOf(code) + 1 : SearchDocs.Code(filter.Terms, code);
            }
        }
        var inScope = scope is null ? null : new bool[scope.Count == 0 ? 1 : scope.Max() + 1];
        foreach (var id in scope ?? Enumerable.Empty<int>())
        {
            inScope![id] = true;
        }
        var (dated, from, to) = (query.From is not null || query.To is not null,
            query.From is null ? 0 : SearchDocs.Day(Clock.ToText(query.From.Earliest)),
            query.To is null ? int.MaxValue : SearchDocs.Day(Clock.ToText(query.To.Latest)));

        var counts = new long[FacetNames.Length][];
        for (var f = 0; f < SiteFacet; f++)
        {
            counts[f] = new long[256];
        }
        counts[SiteFacet] = new long[docs[SearchIndex.Types.IndexOf("site")].Length + 1];
        var results = new List<Candidate>(matches is ICollection<Candidate> all ? all.Count : 1024);
        Span<int> values = stackalloc int[FacetNames.Length];
        foreach (var candidate in matches ?? Everything(docs))
        {
            var (type, id) = (candidate.Type, candidate.Id);
            if (id >= docs[type].Length || docs[type][id] is not { Visible: true } doc)
            {
                continue;
            }
            Values(type, doc, values);
            // Which chosen filters the record fails: none makes it a result; one still counts in that filter's facet.
            var failed = -1;
            var failures = 0;
            for (var f = 0; f < SiteFacet && failures < 2; f++)
            {
                if (wanted[f] >= 0 && values[f] != wanted[f] && ++failures == 1)
                {
                    failed = f;
                }
            }
            if (inScope is not null && !(doc.SiteId < inScope.Length && inScope[doc.SiteId]) && ++failures == 1)
            {
                failed = SiteFacet;
            }
            if (dated && !(type == 0 && doc.Latest >= from && doc.Earliest <= to) && ++failures == 1)
            {
                failed = -1; // the date range has no facet of its own
            }
            if (failures == 0)
            {
                results.Add(candidate with { Date = doc.SortDate, Name = named is not null && type == SiteType ? names!.Score(named, id) : 0 });
                for (var f = 0; f < values.Length; f++)
                {
                    Count(counts[f], values[f]);
                }
            }
            else if (failures == 1 && failed >= 0)
            {
                Count(counts[failed], values[failed]);
            }
        }
        return new DocSearchOutcome(results, FacetNames.Select((name, f) => (name, f)).ToDictionary(x => x.name,
            x => (IReadOnlyDictionary<string, long>)Enumerable.Range(1, counts[x.f].Length - 1).Where(v => counts[x.f][v] > 0)
                .ToDictionary(v => Name(x.name, v), v => counts[x.f][v])));
    }

    /// <summary>The results from <paramref name="offset"/> on, in the query's order, without sorting all of them:
    /// a heap keeps the best offset + size seen so far.</summary>
    public static IReadOnlyList<Candidate> Page(IReadOnlyList<Candidate> results, SearchQuery query, int offset, int size)
    {
        var keep = offset + size;
        var heap = new PriorityQueue<Candidate, WorstFirst>(Math.Min(keep, results.Count) + 1);
        foreach (var result in results)
        {
            var key = new WorstFirst(OrderKey.Of(result, query.Sort));
            if (heap.Count < keep)
            {
                heap.Enqueue(result, key);
            }
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
            {
                heap.DequeueEnqueue(result, key);
            }
        }
        var top = heap.UnorderedItems.OrderBy(item => OrderKey.Of(item.Element, query.Sort)).Select(item => item.Element);
        return [.. top.Skip(offset)];
    }

    /// <summary>
    /// Where a result goes. By relevance, a place named by the query first (the more of its name the query
    /// is, the earlier), then the best bm25 rank: bm25 alone cannot put the place first, since a word in
    /// most records (palmyra) weighs next to nothing and a place's long description dilutes its name.
    /// Then undated records last, then by date (newest first unless the query asks for oldest), then type
    /// name and id so pages are stable.
    /// </summary>
    private readonly record struct OrderKey(double Name, double Rank, bool Undated, int Date, int Type, long Id) : IComparable<OrderKey>
    {
        public static OrderKey Of(Candidate c, string sort) => sort == "relevance"
            ? new(-c.Name, c.Rank, c.Date == 0, -c.Date, TypeOrder[c.Type], c.Id)
            : new(0, 0, c.Date == 0, sort == "oldest" ? c.Date : -c.Date, TypeOrder[c.Type], c.Id);

        public int CompareTo(OrderKey other) =>
            Name != other.Name ? Name.CompareTo(other.Name)
            : Rank != other.Rank ? Rank.CompareTo(other.Rank)
            : Undated != other.Undated ? Undated.CompareTo(other.Undated)
            : Date != other.Date ? Date.CompareTo(other.Date)
            : Type != other.Type ? Type.CompareTo(other.Type)
            : Id.CompareTo(other.Id);
    }

    /// <summary>The heap's priority: the worst result kept comes out first, so it is the one replaced.</summary>
    private readonly record struct WorstFirst(OrderKey Key) : IComparable<WorstFirst>
    {
        public int CompareTo(WorstFirst other) => other.Key.CompareTo(Key);
    }

    private static IEnumerable<Candidate> Everything(SearchDocs.Doc[][] docs)
    {
        for (var type = 0; type < docs.Length; type++)
        {
            for (var id = 0; id < docs[type].Length; id++)
            {
                yield return new Candidate(type, id);
            }
        }
    }

    private static void Count(long[] counts, int value)
    {
        if (value > 0 && value < counts.Length)
        {
            counts[value]++;
        }
    }

    /// <summary>A record's value for every facet, in <see cref="FacetNames"/> order: type code + 1, a term's rank + 1, the place id; 0 for none.</summary>
    private static void Values(int type, SearchDocs.Doc d, Span<int> values)
    {
        values[0] = type + 1;
        values[1] = d.ReportKind;
        values[2] = d.SiteKind;
        values[3] = d.Cause;
        values[4] = d.Effect;
        values[5] = d.Severity;
        values[6] = d.Certainty;
        values[7] = d.Verification;
        values[8] = d.SourceKind;
        values[9] = d.SiteId;
    }

    /// <summary>A facet value's public name: the type, the term code or the place's id.</summary>
    private static string Name(string facet, int value) => facet switch
    {
        "type" => SearchIndex.Types[value - 1],
        "site" => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => SearchFilters.All.Single(f => f.Parameter == facet).Terms[value - 1].Code,
    };
}
