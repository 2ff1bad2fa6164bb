namespace HeritageRegistry.Search;

/// <summary>
/// What a person typed, turned into an FTS5 query that can only ever mean "these words".
/// Each space-separated word becomes a quoted phrase of its folded letters and digits, with a
/// prefix star: <c>al-Lāt "NEAR(</c> becomes <c>"al lat"* "near"*</c>. Operators, quotes,
/// parentheses, column filters and stray symbols are never passed through as syntax, so no
/// input can raise an FTS5 error.
/// </summary>
public sealed class FtsQuery
{
    /// <summary>Words beyond this are ignored: a longer query finds nothing more, it only costs time.</summary>
    public const int MaxPhrases = 16;

    private FtsQuery(IReadOnlyList<IReadOnlyList<string>> phrases) => Phrases = phrases;

    /// <summary>Each phrase: the folded words of one typed word, to be found next to each other, the last as a prefix.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    /// <summary>Typed something, but nothing searchable (only symbols): it matches nothing.</summary>
    public bool IsEmpty => Phrases.Count == 0;

    /// <summary>The FTS5 MATCH expression; every phrase is a string literal with its quotes doubled.</summary>
    public string Match => string.Join(' ', Phrases.Select(phrase => Quote(string.Join(' ', phrase)) + "*"));

    /// <summary>Null for blank input, which means "no text filter".</summary>
    public static FtsQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var phrases = new List<IReadOnlyList<string>>();
        foreach (var typed in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = SearchText.Fold(typed);
            var words = SearchText.Words(folded).Select(range => folded[range]).ToList();
            if (words.Count > 0 && phrases.Count < MaxPhrases)
            {
                phrases.Add(words);
            }
        }
        return new FtsQuery(phrases);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
