using System.Text.RegularExpressions;

namespace HeritageRegistry.Search;

/// <summary>
/// Marks the words a query matched in the original text. Matching runs on folded text, as in the
/// index, and each match is mapped back through the fold's origins, so "بعل" marks "بَعْل" and
/// "lat" marks "Lāt" as they are written.
/// </summary>
public static partial class Highlighter
{
    public const int SnippetLength = 220;
    private const int Lead = 70;
    private const string Ellipsis = "…";

    /// <summary>The whole text with its matches marked.</summary>
    public static HighlightedText Mark(FtsQuery? query, string text) => new(text, Find(query, text), HighlightedText.LangOf(text));

    /// <summary>
    /// A short passage (whitespace folded) from the first field with a match, around the first
    /// match; without any match, the start of the first non-empty field; null when all are empty.
    /// </summary>
    public static HighlightedText? Snippet(FtsQuery? query, params string?[] fields)
    {
        var texts = fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => Whitespace().Replace(f!.Trim(), " ")).ToList();
        foreach (var text in texts)
        {
            var marks = Find(query, text);
            if (marks.Count > 0)
            {
                return Window(text, marks);
            }
        }
        return texts.Count > 0 ? Window(texts[0], []) : null;
    }

    private static List<TextMark> Find(FtsQuery? query, string text)
    {
        var marks = new List<TextMark>();
        if (query is null || query.IsEmpty || text.Length == 0)
        {
            return marks;
        }
        var folded = SearchText.FoldWithOrigins(text);
        var words = SearchText.Words(folded.Text);
        foreach (var phrase in query.Phrases)
        {
            for (var i = 0; i + phrase.Count <= words.Count; i++)
            {
                if (PhraseAt(folded.Text, words, i, phrase))
                {
                    var start = folded.Origins[words[i].Start.Value];
                    var end = folded.Origins[words[i + phrase.Count - 1].End.Value];
                    marks.Add(new TextMark(start, end - start));
                }
            }
        }
        return Merge(marks);
    }

    // As FTS5 reads "a b"*: every word equal, the last a prefix.
    private static bool PhraseAt(string folded, IReadOnlyList<Range> words, int at, IReadOnlyList<string> phrase)
    {
        for (var k = 0; k < phrase.Count; k++)
        {
            var word = folded.AsSpan()[words[at + k]];
            var matched = k == phrase.Count - 1 ? word.StartsWith(phrase[k], StringComparison.Ordinal) : word.SequenceEqual(phrase[k]);
            if (!matched)
            {
                return false;
            }
        }
        return true;
    }

    private static List<TextMark> Merge(List<TextMark> marks)
    {
        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextMark>(marks.Count);
        foreach (var mark in marks)
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Length, mark.Start + mark.Length - last.Start) };
            }
            else
            {
                merged.Add(mark);
            }
        }
        return merged;
    }

    private static HighlightedText Window(string text, List<TextMark> marks)
    {
        if (text.Length <= SnippetLength)
        {
            return new HighlightedText(text, marks, HighlightedText.LangOf(text));
        }
        var first = marks.Count > 0 ? marks[0] : new TextMark(0, 0);
        // Start a little before the first match, at a word boundary; end at a word boundary.
        var start = first.Start <= Lead ? 0 : text.LastIndexOf(' ', first.Start - Lead) + 1;
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length && text.LastIndexOf(' ', end) is var space && space > first.Start + first.Length)
        {
            end = space;
        }
        var prefix = start > 0 ? Ellipsis : "";
        var passage = prefix + text[start..end] + (end < text.Length ? Ellipsis : "");
        var shift = prefix.Length - start;
        var kept = marks.Where(m => m.Start >= start && m.Start + m.Length <= end).Select(m => m with { Start = m.Start + shift }).ToList();
        return new HighlightedText(passage, kept, HighlightedText.LangOf(passage));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
