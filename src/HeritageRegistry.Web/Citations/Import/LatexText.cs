using System.Text;

namespace HeritageRegistry.Citations.Import;

/// <summary>
/// Plain Unicode from a BibTeX field: accents (\'e, \d{H}, as transliterations of Arabic use),
/// escaped specials, dashes and ties; braces that only protect case are dropped. Undoes what
/// <see cref="BibTex.Escape"/> writes, and what other reference managers commonly write.
/// </summary>
public static class LatexText
{
    private static readonly Dictionary<char, char> Accents = new()
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['"'] = '\u0308', ['~'] = '\u0303', ['='] = '\u0304',
        ['.'] = '\u0307', ['c'] = '\u0327', ['v'] = '\u030C', ['u'] = '\u0306', ['H'] = '\u030B', ['k'] = '\u0328',
        ['d'] = '\u0323', ['b'] = '\u0331', ['r'] = '\u030A',
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["textbackslash"] = "\\", ["textasciicircum"] = "^", ["textasciitilde"] = "~", ["textendash"] = "–",
        ["textemdash"] = "—", ["ss"] = "ß", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["o"] = "ø",
        ["O"] = "Ø", ["l"] = "ł", ["L"] = "Ł", ["aa"] = "å", ["AA"] = "Å", ["i"] = "ı", ["j"] = "ȷ", ["textquoteright"] = "’",
        ["textquoteleft"] = "‘", ["textit"] = "", ["textbf"] = "", ["emph"] = "", ["url"] = "", ["textsc"] = "",
    };

    public static string Decode(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                i = Command(raw, i + 1, text);
            }
            else if (c is '{' or '}')
            {
                i++;
            }
            else if (c == '~')
            {
                text.Append(' ');
                i++;
            }
            else if (c == '-' && raw.AsSpan(i).StartsWith("---"))
            {
                text.Append('—');
                i += 3;
            }
            else if (c == '-' && raw.AsSpan(i).StartsWith("--"))
            {
                text.Append('–');
                i += 2;
            }
            else
            {
                text.Append(char.IsWhiteSpace(c) ? ' ' : c);
                i++;
            }
        }
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);
    }

    /// <summary>Reads the command after a backslash at <paramref name="i"/>; returns where reading goes on.</summary>
    private static int Command(string raw, int i, StringBuilder text)
    {
        var c = raw[i];
        if (!char.IsAsciiLetter(c) || (Accents.ContainsKey(c) && i + 1 < raw.Length && !char.IsAsciiLetter(raw[i + 1])))
        {
            if (Accents.TryGetValue(c, out var mark))
            {
                var (letter, next) = Argument(raw, i + 1);
                text.Append(letter).Append(mark);
                return next;
            }
            text.Append(c is ' ' or '\\' ? ' ' : c); // \& \% \$ \# \_ \{ \} and a forced space
            return i + 1;
        }
        var end = i;
        while (end < raw.Length && char.IsAsciiLetter(raw[end]))
        {
            end++;
        }
        var name = raw[i..end];
        // TeX swallows the space after a control word; "{}" after it only ends the name.
        if (raw.AsSpan(end).StartsWith("{}"))
        {
            end += 2;
        }
        else if (end < raw.Length && raw[end] == ' ')
        {
            end++;
        }
        text.Append(Symbols.GetValueOrDefault(name, "")); // an unknown command is dropped; its argument's text stays
        return end;
    }

    /// <summary>The letter an accent sits on: "e", "{e}" or "{\i}".</summary>
    private static (string Letter, int Next) Argument(string raw, int i)
    {
        while (i < raw.Length && raw[i] == ' ')
        {
            i++;
        }
        if (i >= raw.Length)
        {
            return ("", i);
        }
        if (raw[i] != '{')
        {
            return raw[i] == '\\' && i + 1 < raw.Length && raw[i + 1] is 'i' or 'j'
                ? (raw[i + 1] == 'i' ? "i" : "j", i + 2)
                : (raw[i].ToString(), i + 1);
        }
        var close = raw.IndexOf('}', i);
        if (close < 0)
        {
            return ("", raw.Length);
        }
        var inner = raw[(i + 1)..close].Trim();
        return (inner is @"\i" or @"\j" ? inner[1..] : Decode(inner), close + 1);
    }
}
