namespace HeritageRegistry.Search;

/// <summary>
/// What a person typed, turned into an FTS5 query that can only ever mean "these words".
/// Each space-separated word becomes a quoted phrase of its folded letters and digits, with a
/// prefix star: <c>al-Lāt "NEAR(</c> becomes <c>"al lat"* "near"*</c>. Operators, quotes,
/// parentheses, column filters and stray symbols are never passed through as syntax, so no
/// input can raise an FTS5 error. The size of what is typed is bounded (<see cref="Refusal"/>), so no
/// input can make one search cost many.
/// </summary>
public sealed class FtsQuery
{
    /// <summary>Characters of typed text; longer text is refused before it is folded.</summary>
    public const int MaxLength = 200;

    /// <summary>Typed words: more finds nothing more, it only costs time.</summary>
    public const int MaxWords = 16;

    /// <summary>Parts of one typed word (al-Lāt has two, PAL-2015-0010 three). Each part is another token in the
    /// word's phrase, so a word of thousands (a-a-a-…) cost some forty searches.</summary>
    public const int MaxPartsPerWord = 8;

    private FtsQuery(IReadOnlyList<IReadOnlyList<string>> phrases) => Phrases = phrases;

    /// <summary>Each phrase: the folded words of one typed word, to be found next to each other, the last as a prefix.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    /// <summary>Typed something, but nothing searchable (only symbols): it matches nothing.</summary>
    public bool IsEmpty => Phrases.Count == 0;

    /// <summary>The FTS5 MATCH expression; every phrase is a string literal with its quotes doubled.</summary>
    public string Match => string.Join(' ', Phrases.Select(phrase => Quote(string.Join(' ', phrase)) + "*"));

    /// <summary>Null for blank input, which means "no text filter". Callers check <see cref="Refusal"/> first.</summary>
    public static FtsQuery? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new FtsQuery([.. Typed(text).Select(Parts).Where(parts => parts.Count > 0)]);

    /// <summary>Why the text is too large a query to run, as a sentence for the person who typed it; null when it can run.</summary>
    public static string? Refusal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > MaxLength)
        {
            return $"The words are {text.Length} characters long; a search takes at most {MaxLength}.";
        }
        var typed = Typed(text);
        var parts = typed.Select(word => Parts(word).Count).ToList();
        if (parts.Count(n => n > 0) is var words && words > MaxWords)
        {
            return $"A search takes at most {MaxWords} words; this one has {words}.";
        }
        var longest = parts.IndexOf(parts.Max());
        return parts[longest] > MaxPartsPerWord
            ? $"'{Shortened(typed[longest])}' is {parts[longest]} words joined by symbols; a search word may join at most {MaxPartsPerWord}."
            : null;
    }

    private static string[] Typed(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The folded letters-and-digits runs of one typed word; none for a word of symbols only.</summary>
    private static List<string> Parts(string typed)
    {
        var folded = SearchText.Fold(typed);
        return [.. SearchText.Words(folded).Select(range => folded[range])];
    }

    private static string Shortened(string word) => word.Length <= 40 ? word : word[..40] + "…";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
