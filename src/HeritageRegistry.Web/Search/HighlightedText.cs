using System.Net;
using System.Text;
using System.Text.Json.Serialization;

namespace HeritageRegistry.Search;

/// <summary>A stretch of original text (never the folded form) with the matched words marked.</summary>
/// <param name="Text">The original text, or a passage of it.</param>
/// <param name="Marks">Matched ranges of <paramref name="Text"/>: start and length in UTF-16 units, in order, never overlapping.</param>
/// <param name="Lang">"ar" when the text is mostly Arabic script, so pages can set lang and dir; otherwise null.</param>
public sealed record HighlightedText(string Text, IReadOnlyList<TextMark> Marks, string? Lang)
{
    /// <summary>The text HTML-encoded, each match wrapped in &lt;mark&gt;: the only markup it ever holds.</summary>
    public string Html
    {
        get
        {
            var html = new StringBuilder(Text.Length + (Marks.Count * 13));
            foreach (var (text, isMatch) in Parts)
            {
                html.Append(isMatch ? "<mark>" : "").Append(WebUtility.HtmlEncode(text)).Append(isMatch ? "</mark>" : "");
            }
            return html.ToString();
        }
    }

    /// <summary>The text cut into plain and matched pieces, for views that encode as they write.</summary>
    [JsonIgnore]
    public IEnumerable<(string Text, bool IsMatch)> Parts
    {
        get
        {
            var at = 0;
            foreach (var mark in Marks)
            {
                if (mark.Start > at)
                {
                    yield return (Text[at..mark.Start], false);
                }
                yield return (Text.Substring(mark.Start, mark.Length), true);
                at = mark.Start + mark.Length;
            }
            if (at < Text.Length)
            {
                yield return (Text[at..], false);
            }
        }
    }

    public static HighlightedText Plain(string text) => new(text, [], LangOf(text));

    internal static string? LangOf(string text)
    {
        int arabic = 0, other = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }
        return arabic > other ? "ar" : null;
    }
}

public readonly record struct TextMark(int Start, int Length);
