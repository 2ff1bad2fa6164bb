using System.Globalization;
using System.Text;
using HeritageRegistry.Text;

namespace HeritageRegistry.Search;

/// <summary>Folded text and, for each of its characters, where in the original it came from.</summary>
/// <param name="Text">The folded text.</param>
/// <param name="Origins">Origins[i] is the index in the original of the character that gave Text[i];
/// one extra entry at the end holds the original's length, so a range's end maps back too.</param>
public sealed record FoldedText(string Text, int[] Origins);

/// <summary>
/// Folds text the same way for the index and for queries, so spelling variants meet: Latin
/// diacritics (Lāt = Lat, Baalšamin = Baalshamin), case, transliteration apostrophes (Bene'a =
/// Benea), and Arabic harakat, tatweel, alef forms (أ إ آ ٱ → ا), ى → ي and ة → ه.
/// <para>
/// The Arabic definite article is dropped, as light stemmers for Arabic retrieval do (Larkey et al.,
/// "light10"): a word ال + at least two letters loses its ال, and a lone ال (written with a space
/// after it) goes, so المعبد, ال معبد and معبد are one word. Both sides fold alike, so nothing is
/// lost: a query for المعبد finds معبد and المعبد. Words written apart or together inside a name
/// (بعل شمين, بعلشمين) meet through <see cref="FoldNames"/>.
/// </para>
/// </summary>
public static class SearchText
{
    /// <summary>Bump when folding changes: the index is rebuilt at start-up when its stored version differs.</summary>
    public const int Version = 2;

    private const string Article = "\u0627\u0644"; // ال

    public static string Fold(string? text) => text is null ? "" : Fold(text, null);

    /// <summary>
    /// Folded names (one a line, as a record's title holds them), followed by a line of each name's
    /// adjacent Arabic words written together: "معبد بعل شمين" also gives معبدبعل and بعلشمين, so a
    /// query that writes the compound as one word finds the name (a query that splits it finds the
    /// words as they are). Only Arabic: Latin spellings of a name are listed as its other names
    /// (Baal Shamin, Baalshamin), while Arabic writers join or split compounds (عبد الله, عبدالله) freely.
    /// The joined word is folded as a whole, so عبد الله gives عبدالله, as a query typing it folds.
    /// </summary>
    public static string FoldNames(string? names)
    {
        var folded = Fold(names);
        if (names is null || !names.Any(IsArabic))
        {
            return folded;
        }
        var joined = names.Split('\n').SelectMany(name => NameWords(name).Joined).OfType<string>().Distinct().ToList();
        return joined.Count == 0 ? folded : folded + "\n" + string.Join(' ', joined);
    }

    /// <summary>The folded words of one name, and for each word but the last, it and the next written together
    /// when both are Arabic (null otherwise).</summary>
    public static (string[] Words, string?[] Joined) NameWords(string name)
    {
        var plain = Fold(name, null, dropArticle: false);
        var written = Words(plain).Select(range => plain[range]).Where(word => word != Article).ToList();
        var joined = new string?[Math.Max(0, written.Count - 1)];
        for (var i = 0; i < joined.Length; i++)
        {
            joined[i] = written[i].All(IsArabic) && written[i + 1].All(IsArabic) ? Fold(written[i] + written[i + 1]) : null;
        }
        return ([.. written.Select(word => Fold(word))], joined);
    }

    public static FoldedText FoldWithOrigins(string text)
    {
        var origins = new List<int>(text.Length + 1);
        var folded = Fold(text, origins);
        origins.Add(text.Length);
        return new FoldedText(folded, [.. origins]);
    }

    /// <summary>Where the words of folded text are: runs of letters and digits, as FTS5's unicode61 tokenizer sees them.</summary>
    public static IReadOnlyList<Range> Words(string folded)
    {
        var words = new List<Range>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && IsWordChar(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(start..i);
                start = -1;
            }
        }
        return words;
    }

    private static bool IsWordChar(char c) => char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    private static string Fold(string text, List<int>? origins, bool dropArticle = true)
    {
        var folded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Outside the folding rules; kept whole so the pair is never split.
                Append(folded, origins, c, i);
                Append(folded, origins, text[i + 1], i);
                i++;
            }
            else if (c < 0x80)
            {
                if (c != '\'' && c != '`')
                {
                    Append(folded, origins, char.ToLowerInvariant(c), i);
                }
            }
            else
            {
                FoldOne(folded, origins, c, i);
            }
        }
        return dropArticle ? DropArticles(folded.ToString(), origins) : folded.ToString();
    }

    /// <summary>Removes the article from each word of folded text that starts with it. The letter after a
    /// dropped article takes the article's origin, so a highlight still covers the word as written.</summary>
    private static string DropArticles(string folded, List<int>? origins)
    {
        if (!folded.Contains(Article, StringComparison.Ordinal))
        {
            return folded;
        }
        var kept = new StringBuilder(folded.Length);
        var keptOrigins = origins is null ? null : new List<int>(origins.Count);
        var at = 0;
        foreach (var word in Words(folded))
        {
            var (start, end) = (word.Start.Value, word.End.Value);
            Copy(at, start);
            var dropped = folded.AsSpan(start, end - start).StartsWith(Article, StringComparison.Ordinal) && end - start != 3;
            if (dropped && end - start > 3)
            {
                kept.Append(folded[start + 2]);
                keptOrigins?.Add(origins![start]);
                Copy(start + 3, end);
            }
            else if (!dropped)
            {
                Copy(start, end);
            }
            at = end;
        }
        Copy(at, folded.Length);
        if (origins is not null)
        {
            origins.Clear();
            origins.AddRange(keptOrigins!);
        }
        return kept.ToString();

        void Copy(int from, int to)
        {
            kept.Append(folded, from, to - from);
            for (var i = from; i < to && origins is not null; i++)
            {
                keptOrigins!.Add(origins[i]);
            }
        }
    }

    private static void FoldOne(StringBuilder folded, List<int>? origins, char c, int origin)
    {
        if (IsDropped(c))
        {
            return;
        }
        // Arabic letters are mapped, never decomposed: decomposition would also strip the hamza from ؤ and ئ.
        // Transliteration letters (š) are mapped before decomposition would reduce them to a bare s.
        var parts = IsArabic(c) || Transliterations.ContainsKey(char.ToLowerInvariant(c)) ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormKD);
        foreach (var part in parts)
        {
            if (IsDropped(part))
            {
                continue;
            }
            var lower = char.ToLowerInvariant(part);
            if (Replacement(lower) is { } replacement)
            {
                foreach (var r in replacement)
                {
                    Append(folded, origins, r, origin);
                }
            }
            else
            {
                Append(folded, origins, lower, origin);
            }
        }
    }

    private static void Append(StringBuilder folded, List<int>? origins, char c, int origin)
    {
        folded.Append(c);
        origins?.Add(origin);
    }

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    // Harakat and Quranic marks (U+064B–U+065F), superscript alef, tatweel, apostrophes, and any other combining mark.
    private static bool IsDropped(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640'
        || Slug.Apostrophes.Contains(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static string? Replacement(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => "\u0627", // أ إ آ ٱ → ا
        '\u0649' => "\u064A",                                     // ى → ي
        '\u0629' => "\u0647",                                     // ة → ه
        >= '\u0660' and <= '\u0669' => ((char)('0' + (c - '\u0660'))).ToString(), // Arabic-Indic digits
        >= '\u06F0' and <= '\u06F9' => ((char)('0' + (c - '\u06F0'))).ToString(),
        _ => Transliterations.GetValueOrDefault(c) ?? Slug.Unmarked.GetValueOrDefault(c),
    };

    // Letters of scholarly transliteration (DIN 31635 and the like) written in plain English as two
    // letters: Baalšamin is Baalshamin, ġ is gh. Other marked letters simply lose their mark (ṣ → s).
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['š'] = "sh", ['č'] = "ch", ['ž'] = "zh", ['ġ'] = "gh", ['ḫ'] = "kh", ['ḵ'] = "kh", ['ṯ'] = "th", ['ḏ'] = "dh",
    };
}
