namespace HeritageRegistry.Search.FullText;

/// <summary>
/// FTS5's bm25 ranking (sqlite/ext/fts5/fts5_aux.c, fts5Bm25Function) worked out in C#, so PostgreSQL ranks
/// matches exactly as SQLite does: for each typed word (phrase) i, IDF(i) · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)),
/// where f counts the phrase's occurrences with the column weights (title 5, body 1), D is the record's number
/// of words, avgdl the index's mean; the score is negated, lower ranks first.
/// </summary>
internal static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    public const double TitleWeight = 5.0;
    public const double BodyWeight = 1.0;

    /// <summary>The IDF of a phrase found in <paramref name="hits"/> of <paramref name="rows"/> records, as FTS5 clamps it.</summary>
    public static double Idf(long rows, long hits)
    {
        var idf = Math.Log((0.5 + rows - hits) / (0.5 + hits));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    /// <summary>The score of one record from its folded title and body. The words are compared where they stand in
    /// the text, not copied out: twenty thousand matches hold about a million words.</summary>
    public static double Score(FtsQuery words, IReadOnlyList<double> idfs, double averageWords, string title, string body)
    {
        var titleWords = SearchText.Words(title);
        var bodyWords = SearchText.Words(body);
        var score = 0.0;
        for (var i = 0; i < words.Phrases.Count; i++)
        {
            var phrase = words.Phrases[i];
            score += Term(idfs[i], averageWords, titleWords.Count + bodyWords.Count,
                Occurrences(title, titleWords, phrase), Occurrences(body, bodyWords, phrase));
        }
        return -score;
    }

    /// <summary>One phrase's part of the score (not negated), from its occurrences in the title and the body of a
    /// record of <paramref name="length"/> words.</summary>
    public static double Term(double idf, double averageWords, long length, long inTitle, long inBody)
    {
        var f = (TitleWeight * inTitle) + (BodyWeight * inBody);
        return idf * (f * (K1 + 1.0) / (f + (K1 * (1 - B + (B * length / averageWords)))));
    }

    /// <summary>Where the phrase's words stand next to each other, the last as a prefix (FTS5's "a b"*).</summary>
    private static int Occurrences(string text, IReadOnlyList<Range> words, IReadOnlyList<string> phrase)
    {
        var count = 0;
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            var found = true;
            for (var j = 0; j < phrase.Count && found; j++)
            {
                var word = text.AsSpan(words[start + j]);
                found = j == phrase.Count - 1
                    ? word.StartsWith(phrase[j], StringComparison.Ordinal)
                    : word.SequenceEqual(phrase[j]);
            }
            count += found ? 1 : 0;
        }
        return count;
    }
}
