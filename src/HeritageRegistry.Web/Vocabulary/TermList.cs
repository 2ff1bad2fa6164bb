using System.Collections;
using HeritageRegistry.Localization;

namespace HeritageRegistry.Vocabulary;

/// <summary>
/// A controlled vocabulary in its meaningful order (severity darkest first, extent smallest first),
/// so pages, filters and exports list terms the same way.
/// </summary>
public sealed class TermList : IReadOnlyList<Term>
{
    private readonly Term[] terms;
    private readonly Dictionary<string, int> ranks;

    public TermList(string name, IEnumerable<Term> terms)
    {
        Name = name;
        this.terms = [.. terms];
        // ToDictionary throws on a repeated code, so a duplicate fails at start-up rather than in a filter.
        ranks = this.terms.Select((term, index) => (term.Code, index))
            .ToDictionary(pair => pair.Code, pair => pair.index, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What the list is called on pages, e.g. "Severity".</summary>
    public string Name { get; }

    public int Count => terms.Length;

    public Term this[int index] => terms[index];

    /// <summary>The term for <paramref name="code"/>, ignoring case; null for null or an unknown code.</summary>
    public Term? Find(string? code) =>
        code is not null && ranks.TryGetValue(code, out var index) ? terms[index] : null;

    public bool Contains(string? code) => Find(code) is not null;

    /// <summary>
    /// The label in the page's language (Arabic on /ar pages); an unknown code is shown as itself so that
    /// bad data stays visible instead of disappearing from a page.
    /// </summary>
    public string Label(string? code) => Find(code) is { } term ? Label(term) : code ?? "";

    /// <summary>The term's label in the page's language.</summary>
    public static string Label(Term term) => Languages.IsArabic ? term.Arabic : term.English;

    /// <summary>The English label whatever the page's language: for the API and exports, whose words never change.</summary>
    public string English(string? code) => code is null ? "" : Find(code)?.English ?? code;

    /// <summary>The code's position in the list, for sorting (0 = first, e.g. destroyed).</summary>
    /// <exception cref="ArgumentException">The code is not in the list.</exception>
    public int Rank(string code) =>
        ranks.TryGetValue(code, out var index) ? index
            : throw new ArgumentException($"'{code}' is not a {Name} code.", nameof(code));

    public IEnumerator<Term> GetEnumerator() => ((IEnumerable<Term>)terms).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
