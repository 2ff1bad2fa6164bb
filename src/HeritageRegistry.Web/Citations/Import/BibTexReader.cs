using System.Text;
using System.Text.RegularExpressions;

namespace HeritageRegistry.Citations.Import;

/// <summary>
/// Reads BibTeX and BibLaTeX. No NuGet BibTeX library is both maintained and current .NET, so this is a
/// small tested reader of the grammar (entries, braced and quoted values, # concatenation, @string
/// abbreviations, @comment and @preamble). A broken entry is reported with its line and the reader
/// carries on at the next line that starts with '@', so one typo does not hide every other problem.
/// </summary>
public static partial class BibTexReader
{
    public static ImportFile Read(string text)
    {
        var reader = new Reader(text);
        var entries = new List<ImportedSource>();
        while (reader.NextEntry(entries.Count + 1) is { } entry)
        {
            entries.Add(entry);
        }
        return new ImportFile(entries, reader.Problem is { } problem ? [problem] : []);
    }

    private sealed class SyntaxException(string message) : Exception(message);

    private sealed class Reader(string text)
    {
        private readonly Dictionary<string, string> abbreviations = new(StringComparer.OrdinalIgnoreCase)
        {
            ["jan"] = "1", ["feb"] = "2", ["mar"] = "3", ["apr"] = "4", ["may"] = "5", ["jun"] = "6",
            ["jul"] = "7", ["aug"] = "8", ["sep"] = "9", ["oct"] = "10", ["nov"] = "11", ["dec"] = "12",
        };
        private int pos;

        public string? Problem { get; private set; }

        public ImportedSource? NextEntry(int number)
        {
            while (Problem is null)
            {
                var at = text.IndexOf('@', pos);
                if (at < 0)
                {
                    return null;
                }
                pos = at + 1;
                var type = Identifier();
                SkipSpace();
                if (type.Length == 0 || pos >= text.Length || text[pos] is not ('{' or '('))
                {
                    continue; // an '@' in the free text between entries, such as an e-mail address
                }
                var close = text[pos++] == '{' ? '}' : ')';
                switch (type.ToLowerInvariant())
                {
                    case "comment" or "preamble":
                        Skip(close, at);
                        continue;
                    case "string":
                        Abbreviation(close, at);
                        continue;
                }
                return Entry(number, type, close, at);
            }
            return null;
        }

        private ImportedSource Entry(int number, string type, char close, int start)
        {
            var entry = new ImportedSource(number, $"entry {number}");
            try
            {
                SkipSpace();
                var key = Until(',', close).Trim();
                if (key.Length > 0)
                {
                    entry.Label = key;
                }
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (Fields(entry, fields, close))
                {
                }
                BibTexFields.Map(entry, type, fields);
            }
            catch (SyntaxException ex)
            {
                entry.Problems.Add($"Line {LineOf(pos)}: {ex.Message}");
                var next = NextEntryStart().Match(text, Math.Min(start + 1, text.Length));
                pos = next.Success ? next.Index : text.Length;
            }
            return entry;
        }

        /// <summary>Reads one "name = value" and what follows it; false when the entry has closed.</summary>
        private bool Fields(ImportedSource entry, Dictionary<string, string> fields, char close)
        {
            SkipSpace();
            if (Peek() == close)
            {
                pos++;
                return false;
            }
            var name = Identifier();
            if (name.Length == 0)
            {
                throw Unexpected("a field name");
            }
            SkipSpace();
            Expect('=');
            var value = Value();
            if (!fields.TryAdd(name, value))
            {
                entry.Problems.Add($"The field '{name}' is given twice.");
            }
            SkipSpace();
            if (Peek() == ',')
            {
                pos++;
                return true;
            }
            if (Peek() == close)
            {
                pos++;
                return false;
            }
            throw Unexpected($"',' or '{close}' after the field '{name}'");
        }

        private void Abbreviation(char close, int start)
        {
            try
            {
                SkipSpace();
                var name = Identifier();
                SkipSpace();
                Expect('=');
                abbreviations[name] = Value();
                SkipSpace();
                Expect(close);
            }
            catch (SyntaxException ex)
            {
                Problem = $"The @string at line {LineOf(start)} cannot be read: {ex.Message}";
            }
        }

        /// <summary>A value: braced, quoted, a number or an abbreviation, joined by '#'.</summary>
        private string Value()
        {
            var value = new StringBuilder();
            while (true)
            {
                SkipSpace();
                var c = Peek();
                if (c == '{')
                {
                    pos++;
                    value.Append(Braced(pos - 1));
                }
                else if (c == '"')
                {
                    pos++;
                    value.Append(Quoted());
                }
                else if (char.IsAsciiDigit(c))
                {
                    var start = pos;
                    while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                    {
                        pos++;
                    }
                    value.Append(text, start, pos - start);
                }
                else
                {
                    var name = Identifier();
                    if (name.Length == 0)
                    {
                        throw Unexpected("a value in braces or quotes");
                    }
                    value.Append(abbreviations.TryGetValue(name, out var expansion) ? expansion
                        : throw new SyntaxException($"'{name}' is neither a value in braces nor a known @string abbreviation."));
                }
                SkipSpace();
                if (Peek() != '#')
                {
                    return value.ToString();
                }
                pos++;
            }
        }

        /// <summary>The text inside balanced braces (inner braces kept for the decoder), after the opening one.</summary>
        private string Braced(int open)
        {
            var depth = 1;
            var start = pos;
            for (; pos < text.Length; pos++)
            {
                if (text[pos] == '\\')
                {
                    pos++;
                }
                else if (text[pos] == '{')
                {
                    depth++;
                }
                else if (text[pos] == '}' && --depth == 0)
                {
                    return text[start..pos++];
                }
            }
            throw new SyntaxException($"the brace opened at line {LineOf(open)} is never closed.");
        }

        private string Quoted()
        {
            var start = pos;
            var depth = 0;
            for (; pos < text.Length; pos++)
            {
                switch (text[pos])
                {
                    case '{': depth++; break;
                    case '}': depth--; break;
                    case '"' when depth == 0: return text[start..pos++];
                }
            }
            throw new SyntaxException($"the quote opened at line {LineOf(start)} is never closed.");
        }

        private void Skip(char close, int start)
        {
            if (close == '}')
            {
                try
                {
                    Braced(pos - 1);
                }
                catch (SyntaxException)
                {
                    Problem = $"The @comment or @preamble at line {LineOf(start)} is never closed.";
                }
                return;
            }
            var end = text.IndexOf(')', pos);
            pos = end < 0 ? text.Length : end + 1;
        }

        private string Until(char a, char b)
        {
            var start = pos;
            while (pos < text.Length && text[pos] != a && text[pos] != b)
            {
                if (text[pos] is '\n' or '=')
                {
                    throw new SyntaxException("the entry's key must be followed by a comma.");
                }
                pos++;
            }
            if (pos >= text.Length)
            {
                throw new SyntaxException("the entry is never closed.");
            }
            var read = text[start..pos];
            if (text[pos] == a)
            {
                pos++;
            }
            return read;
        }

        private string Identifier()
        {
            var start = pos;
            while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '-' or ':' or '.' or '+' or '/'))
            {
                pos++;
            }
            return text[start..pos];
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw Unexpected($"'{c}'");
            }
            pos++;
        }

        private SyntaxException Unexpected(string wanted) => pos >= text.Length
            ? new SyntaxException($"the file ended where {wanted} was expected; the entry is never closed.")
            : new SyntaxException($"expected {wanted} but found '{text[pos]}'.");

        private char Peek() => pos < text.Length ? text[pos] : '\0';

        private void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }

        private int LineOf(int index) => text.AsSpan(0, Math.Min(index, text.Length)).Count('\n') + 1;
    }

    [GeneratedRegex(@"(?<=\n)[ \t]*@", RegexOptions.Multiline)]
    private static partial Regex NextEntryStart();
}
