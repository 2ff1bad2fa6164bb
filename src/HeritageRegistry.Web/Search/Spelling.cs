namespace HeritageRegistry.Search;

/// <summary>
/// "Did you mean": typed words that are none of the registry's name words are replaced by the closest one,
/// as written in the name (Balshamin → Baalshamin, Palmira → Palmyra, تدمور → تدمر). Close means few edits
/// (insert, delete, change or swap two neighbours) on the folded words: one for a word of 4 to 7 letters,
/// two from 8; shorter words are left alone, too many names being a letter away. Among equally close words
/// the one more names use wins. The word list is the names of the public places (<see cref="PlaceNames"/>):
/// a few thousand words at most, so comparing against each is cheap, and only a search that found
/// nothing asks.
/// </summary>
public sealed class Spelling(IReadOnlyDictionary<string, (string Written, int Count)> words)
{
    /// <summary>The typed text with its misspelt words corrected; null when no word needs or finds a correction.</summary>
    public string? Suggest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var typed = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var corrected = false;
        for (var i = 0; i < typed.Length; i++)
        {
            var folded = SearchText.Fold(typed[i]);
            var parts = SearchText.Words(folded);
            if (parts.Count == 1 && folded[parts[0]] is var word && !words.ContainsKey(word) && Closest(word) is { } closest)
            {
                typed[i] = closest;
                corrected = true;
            }
        }
        return corrected ? string.Join(' ', typed) : null;
    }

    /// <summary>The name word (as written) nearest to a folded word, or null when none is close enough.</summary>
    private string? Closest(string word)
    {
        var allowed = word.Length >= 8 ? 2 : word.Length >= 4 ? 1 : 0;
        (string? Written, int Distance, int Count) best = (null, allowed + 1, 0);
        foreach (var (candidate, (written, count)) in words)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }
            var distance = Distance(word, candidate);
            if (distance > allowed)
            {
                continue;
            }
            if (distance < best.Distance || (distance == best.Distance && count > best.Count)
                || (distance == best.Distance && count == best.Count && string.CompareOrdinal(written, best.Written) < 0))
            {
                best = (written, distance, count);
            }
        }
        return best.Written;
    }

    /// <summary>Edits from one word to the other: insertions, deletions, changes, and swaps of neighbours
    /// (the optimal string alignment distance).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var change = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + change);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
