using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using HeritageRegistry.Data;
using Npgsql;

namespace HeritageRegistry.Search.FullText;

/// <summary>
/// PostgreSQL's search_index table (migrations/postgresql): one tsvector per record with a GIN index, and beside
/// it search_word (migration 0017), every distinct word of every record with its counts under a btree.
/// The vector and the query are written here, word by word, from <see cref="SearchText.Words"/> of the
/// folded text, rather than by to_tsvector: PostgreSQL's parser would split words its own way (hyphenated
/// words, numbers, locale-dependent letters), and the words must be exactly the ones FTS5 sees on SQLite.
/// A search of whole typed words (the usual kind) is answered from search_word's index alone: each word's range
/// of words gives the row ids and bm25's counts, so matches are ranked by FTS5's own bm25 (<see cref="Bm25"/>) and
/// come in the same order as on SQLite without visiting the records. A typed word the folding splits into parts
/// (a phrase, "baal-shamin") is matched by the GIN index and scored from the stored folded text. Only the CSV
/// export's SQL ranks by ts_rank (title words weight A, five times the body's).
/// </summary>
internal sealed class PostgreSqlTextIndex : IFullTextIndex
{
    // The export's rank. ts_rank's weights in the order D, C, B, A, each at most 1: body words are D, title words A, five times as heavy.
    private const string Rank = "-ts_rank('{0.2, 0.0, 0.0, 1.0}', document, CAST(@match AS tsquery))";

    // Limits of tsvector: a lexeme of at most 2046 bytes, positions up to 16383 (later words share the last).
    private const int MaxLexemeBytes = 2046;
    private const int MaxPosition = 16383;

    // Every change to the rows changes the totals bm25 reads (search_index_state, migration 0013) in the same
    // statement; a row's words leave search_word with it (its vector lists them).
    public Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<long> rowIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM search_word w USING search_index s, unnest(tsvector_to_array(s.document)) AS t(word)
            WHERE s.row_id = ANY(@rowIds) AND w.row_id = s.row_id AND w.word = t.word;
            WITH gone AS (DELETE FROM search_index WHERE row_id = ANY(@rowIds) RETURNING words)
            UPDATE search_index_state SET indexed_rows = indexed_rows - (SELECT COUNT(*) FROM gone),
                                          indexed_words = indexed_words - (SELECT COALESCE(SUM(words), 0) FROM gone)
            WHERE id = 1
            """, new { rowIds = rowIds.ToArray() }, transaction, cancellationToken: cancellationToken));

    /// <summary>By COPY (text format: the vector goes in as its literal, which PostgreSQL parses): a rebuild of a
    /// million records is a few streams rather than a million round trips.</summary>
    public async Task InsertAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<FullTextRow> rows, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var indexed = rows.Select(row => (row, Words: (long)(SearchText.Words(row.Title).Count + SearchText.Words(row.Body).Count))).ToList();
        await using (var copy = await npgsql.BeginTextImportAsync("COPY search_index (row_id, document, title, body, words) FROM STDIN", cancellationToken))
        {
            foreach (var (row, words) in indexed)
            {
                await copy.WriteAsync(Line(Invariant(row.RowId), CopyText(Vector(row.Title, row.Body)), CopyText(row.Title), CopyText(row.Body), Invariant(words)));
            }
        }
        await using (var copy = await npgsql.BeginTextImportAsync("COPY search_word (word, row_id, in_title, in_body, words) FROM STDIN", cancellationToken))
        {
            foreach (var (row, words) in indexed)
            {
                foreach (var (word, (inTitle, inBody)) in WordCounts(row.Title, row.Body))
                {
                    await copy.WriteAsync(Line(CopyText(word), Invariant(row.RowId), Invariant(inTitle), Invariant(inBody), Invariant(words)));
                }
            }
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE search_index_state SET indexed_rows = indexed_rows + @count, indexed_words = indexed_words + @words WHERE id = 1",
            new { count = (long)indexed.Count, words = indexed.Sum(row => row.Words) }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Each distinct word of a record (those the vector holds) with its occurrences in the title and the body.</summary>
    internal static Dictionary<string, (int InTitle, int InBody)> WordCounts(string title, string body)
    {
        var counts = new Dictionary<string, (int InTitle, int InBody)>(StringComparer.Ordinal);
        foreach (var (text, inTitle) in new[] { (title, true), (body, false) })
        {
            foreach (var range in SearchText.Words(text))
            {
                var word = text[range];
                if (Encoding.UTF8.GetByteCount(word) <= MaxLexemeBytes)
                {
                    var (t, b) = counts.GetValueOrDefault(word);
                    counts[word] = inTitle ? (t + 1, b) : (t, b + 1);
                }
            }
        }
        return counts;
    }

    private static string Line(params string[] fields) => string.Join('\t', fields) + "\n";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    // COPY's text format: backslash, tab, newline and carriage return escaped.
    private static string CopyText(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    public Task ClearAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM search_word; DELETE FROM search_index; UPDATE search_index_state SET indexed_rows = 0, indexed_words = 0 WHERE id = 1",
            transaction: transaction, cancellationToken: cancellationToken));

    public string MatchSql(bool ranked) =>
        $"SELECT row_id, {(ranked ? Rank : "0.0")} AS rank FROM search_index WHERE document @@ CAST(@match AS tsquery)";

    public string MatchParameter(FtsQuery words) => Query(words);

    /// <summary>Scored by bm25 only when there are few enough matches to score (SearchStore.ScoredMatchesLimit), as on SQLite.</summary>
    public Task<List<Candidate>> MatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken) =>
        words.Phrases.All(phrase => phrase.Count == 1)
            ? WordMatchesAsync(connection, words, ranked, cancellationToken)
            : PhraseMatchesAsync(connection, words, ranked, cancellationToken);

    /// <summary>Whole typed words, from search_word's index: each word's records with its counts, kept where every
    /// typed word is found (FTS5's AND), then scored.</summary>
    private static async Task<List<Candidate>> WordMatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken)
    {
        var perWord = new List<Dictionary<long, WordHits>>();
        foreach (var phrase in words.Phrases)
        {
            perWord.Add(await WordHitsAsync(connection, phrase[0], cancellationToken));
        }
        var types = SearchIndex.Types.Length;
        var matched = perWord.MinBy(hits => hits.Count)!.Where(hit => perWord.All(hits => hits.ContainsKey(hit.Key))).ToList();
        if (!ranked || matched.Count > SearchStore.ScoredMatchesLimit)
        {
            return [.. matched.Select(hit => new Candidate((int)(hit.Key % types), hit.Key / types))];
        }
        var (rows, allWords) = await IndexSizeAsync(connection, cancellationToken);
        var averageWords = rows == 0 ? 1.0 : (double)allWords / rows;
        var idfs = perWord.Select(hits => Bm25.Idf(rows, hits.Count)).ToList();
        return [.. matched.Select(hit => new Candidate((int)(hit.Key % types), hit.Key / types, -perWord.Select((hits, i) =>
            hits[hit.Key] switch { var h => Bm25.Term(idfs[i], averageWords, h.Words, h.InTitle, h.InBody) }).Sum()))];
    }

    /// <summary>The records holding a word that begins with <paramref name="prefix"/> (FTS5's prefix query), with the
    /// occurrences of all such words: a range of the btree, read from the index alone (C ordering, so the range is
    /// the words' bytes; U+10FFFF sorts after every other character). Summed here rather than by GROUP BY, which
    /// spilled to disk at a fifth of a million records.</summary>
    private static async Task<Dictionary<long, WordHits>> WordHitsAsync(DbConnection connection, string prefix, CancellationToken cancellationToken)
    {
        var hits = new Dictionary<long, WordHits>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT row_id, in_title, in_body, words FROM search_word WHERE word >= @prefix AND word < @bound",
            new { prefix, bound = prefix + "\U0010FFFF" }, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var (inTitle, inBody, _) = hits.GetValueOrDefault(rowId);
            hits[rowId] = new WordHits(inTitle + reader.GetInt32(1), inBody + reader.GetInt32(2), reader.GetInt32(3));
        }
        return hits;
    }

    private readonly record struct WordHits(int InTitle, int InBody, int Words);

    private static Task<(long Rows, long Words)> IndexSizeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT indexed_rows, indexed_words FROM search_index_state WHERE id = 1", cancellationToken: cancellationToken));

    /// <summary>Typed words with parts (phrases), by the GIN index.</summary>
    private static async Task<List<Candidate>> PhraseMatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken)
    {
        var match = Query(words);
        var types = SearchIndex.Types.Length;
        var matches = new List<Candidate>();
        await using (var reader = await ReadAsync(connection, "SELECT row_id FROM search_index WHERE document @@ CAST(@match AS tsquery)", match, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var rowId = reader.GetInt64(0);
                matches.Add(new Candidate((int)(rowId % types), rowId / types));
            }
        }
        return ranked && matches.Count > 0 && matches.Count <= SearchStore.ScoredMatchesLimit
            ? await RankedAsync(connection, words, match, matches.Count, cancellationToken)
            : matches;
    }

    /// <summary>The matches with FTS5's bm25 score: the index's size and each phrase's number of records (for a
    /// single phrase, the matches), then each match's text.</summary>
    private static async Task<List<Candidate>> RankedAsync(DbConnection connection, FtsQuery words, string match, int matches, CancellationToken cancellationToken)
    {
        var (rows, allWords) = await IndexSizeAsync(connection, cancellationToken);
        var idfs = new List<double>();
        foreach (var phrase in words.Phrases)
        {
            var hits = words.Phrases.Count == 1 ? matches : await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM search_index WHERE document @@ CAST(@phrase AS tsquery)", new { phrase = Phrase(phrase) }, cancellationToken: cancellationToken));
            idfs.Add(Bm25.Idf(rows, hits));
        }
        var averageWords = rows == 0 ? 1.0 : (double)allWords / rows;
        var types = SearchIndex.Types.Length;
        var ranked = new List<Candidate>();
        await using var reader = await ReadAsync(connection, "SELECT row_id, title, body FROM search_index WHERE document @@ CAST(@match AS tsquery)", match, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            ranked.Add(new Candidate((int)(rowId % types), rowId / types, Bm25.Score(words, idfs, averageWords, reader.GetString(1), reader.GetString(2))));
        }
        return ranked;
    }

    // Dapper's reader disposes its command with it.
    private static Task<DbDataReader> ReadAsync(DbConnection connection, string sql, string match, CancellationToken cancellationToken) =>
        connection.ExecuteReaderAsync(new CommandDefinition(sql, new { match }, cancellationToken: cancellationToken));

    /// <summary>A tsvector literal: title words at positions 1.., weight A; body words after a gap (so no phrase
    /// spans the two, as none spans FTS5's columns), no weight (D).</summary>
    internal static string Vector(string title, string body)
    {
        var vector = new StringBuilder();
        var position = Append(vector, title, 1, "A");
        Append(vector, body, position + 1, "");
        return vector.ToString();
    }

    private static int Append(StringBuilder vector, string folded, int position, string weight)
    {
        foreach (var range in SearchText.Words(folded))
        {
            var word = folded[range];
            if (Encoding.UTF8.GetByteCount(word) <= MaxLexemeBytes)
            {
                vector.Append(Lexeme(word)).Append(':')
                    .Append(Math.Min(position, MaxPosition).ToString(CultureInfo.InvariantCulture)).Append(weight).Append(' ');
            }
            position++;
        }
        return position;
    }

    /// <summary>A tsquery literal with the meaning of <see cref="FtsQuery.Match"/>: every typed word's parts next to
    /// each other (&lt;-&gt;), the last a prefix (:*), and all typed words present (&amp;).</summary>
    internal static string Query(FtsQuery words) => string.Join(" & ", words.Phrases.Select(Phrase));

    private static string Phrase(IReadOnlyList<string> phrase) => "(" + string.Join(" <-> ", phrase.Select(Lexeme)) + ":*)";

    // Quoted, so no word is read as an operator; the folded words hold only letters and digits, but quote and
    // backslash are escaped all the same.
    private static string Lexeme(string word) =>
        "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
