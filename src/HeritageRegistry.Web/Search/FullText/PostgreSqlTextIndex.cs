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
/// it search_word (migrations 0017 and 0018), every distinct word of every record with its counts, in blocks of row ids.
/// The vector and the query are written here, word by word, from <see cref="SearchText.Words"/> of the
/// folded text, rather than by to_tsvector: PostgreSQL's parser would split words its own way (hyphenated
/// words, numbers, locale-dependent letters), and the words must be exactly the ones FTS5 sees on SQLite.
/// A search of whole typed words (the usual kind) is answered from search_word alone: each word's range of words
/// gives the row ids and bm25's counts, a block of them a row, so matches are ranked by FTS5's own bm25 (<see cref="Bm25"/>) and
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

    // search_word's rows each hold the row ids of one block, row_id / BlockSize (migration 0018).
    private const int BlockSize = 1024;

    // A record's words were its vector's: the blocks that hold it lose its entries (and go when they are empty)
    // before its row goes. Every change to the rows changes the totals bm25 reads (search_index_state, migration
    // 0013) in the same statement as the rows.
    private static readonly string Delete = $$"""
        WITH blocks AS (
            SELECT DISTINCT t.word, s.row_id / {{BlockSize}} AS block
            FROM search_index s, unnest(tsvector_to_array(s.document)) AS t(word)
            WHERE s.row_id = ANY(@rowIds))
        UPDATE search_word w
        SET (row_ids, in_title, in_body, words) = (
            SELECT COALESCE(array_agg(u.row_id ORDER BY u.n), '{}'), COALESCE(array_agg(u.in_title ORDER BY u.n), '{}'),
                   COALESCE(array_agg(u.in_body ORDER BY u.n), '{}'), COALESCE(array_agg(u.words ORDER BY u.n), '{}')
            FROM unnest(w.row_ids, w.in_title, w.in_body, w.words) WITH ORDINALITY AS u(row_id, in_title, in_body, words, n)
            WHERE u.row_id <> ALL(@rowIds))
        FROM blocks b
        WHERE w.word = b.word AND w.block = b.block;

        DELETE FROM search_word w
        USING search_index s, unnest(tsvector_to_array(s.document)) AS t(word)
        WHERE s.row_id = ANY(@rowIds) AND w.word = t.word AND w.block = s.row_id / {{BlockSize}} AND cardinality(w.row_ids) = 0;

        WITH gone AS (DELETE FROM search_index WHERE row_id = ANY(@rowIds) RETURNING words)
        UPDATE search_index_state SET indexed_rows = indexed_rows - (SELECT COUNT(*) FROM gone),
                                      indexed_words = indexed_words - (SELECT COALESCE(SUM(words), 0) FROM gone)
        WHERE id = 1
        """;

    public Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<long> rowIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Delete, new { rowIds = rowIds.ToArray() }, transaction, cancellationToken: cancellationToken));

    // The records' entries, one per record and word, grouped into their blocks here and appended to each block's
    // arrays (a new block is made). Blocks are taken in key order, so two writers lock shared blocks in one order.
    private static readonly string AddWords = $$"""
        INSERT INTO search_word AS w (word, block, row_ids, in_title, in_body, words)
        SELECT u.word, u.row_id / {{BlockSize}}, array_agg(u.row_id ORDER BY u.row_id), array_agg(u.in_title ORDER BY u.row_id),
               array_agg(u.in_body ORDER BY u.row_id), array_agg(u.words ORDER BY u.row_id)
        FROM unnest(@word, @rowId, @inTitle, @inBody, @words) AS u(word, row_id, in_title, in_body, words)
        GROUP BY u.word, u.row_id / {{BlockSize}}
        ORDER BY 1, 2
        ON CONFLICT (word, block) DO UPDATE SET row_ids = w.row_ids || excluded.row_ids, in_title = w.in_title || excluded.in_title,
                                                in_body = w.in_body || excluded.in_body, words = w.words || excluded.words
        """;

    // Records per statement of AddWords: some 50 distinct words each, so a few tens of thousands of entries.
    private const int RecordsPerStatement = 1000;

    /// <summary>The rows by COPY (text format: the vector goes in as its literal, which PostgreSQL parses), so a
    /// rebuild of a million records is a few streams rather than a million round trips; their words a thousand
    /// records a statement.</summary>
    public async Task InsertAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<FullTextRow> rows, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var indexed = rows.Select(row => (row, Words: SearchText.Words(row.Title).Count + SearchText.Words(row.Body).Count)).ToList();
        await using (var copy = await npgsql.BeginTextImportAsync("COPY search_index (row_id, document, title, body, words) FROM STDIN", cancellationToken))
        {
            foreach (var (row, words) in indexed)
            {
                await copy.WriteAsync(Line(Invariant(row.RowId), CopyText(Vector(row.Title, row.Body)), CopyText(row.Title), CopyText(row.Body), Invariant(words)));
            }
        }
        foreach (var part in indexed.Chunk(RecordsPerStatement))
        {
            var entries = part.SelectMany(record => WordCounts(record.row.Title, record.row.Body)
                .Select(word => (Word: word.Key, record.row.RowId, word.Value.InTitle, word.Value.InBody, record.Words))).ToList();
            await connection.ExecuteAsync(new CommandDefinition(AddWords, new
            {
                word = entries.Select(e => e.Word).ToArray(), rowId = entries.Select(e => e.RowId).ToArray(),
                inTitle = entries.Select(e => e.InTitle).ToArray(), inBody = entries.Select(e => e.InBody).ToArray(),
                words = entries.Select(e => e.Words).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE search_index_state SET indexed_rows = indexed_rows + @count, indexed_words = indexed_words + @words WHERE id = 1",
            new { count = (long)indexed.Count, words = indexed.Sum(row => (long)row.Words) }, transaction, cancellationToken: cancellationToken));
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

    /// <summary>Whole typed words, from search_word: each word's records with their counts, kept where every typed
    /// word is found (FTS5's AND), then scored. Each word's records come sorted by row id, so the AND is a merge.</summary>
    private static async Task<List<Candidate>> WordMatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken)
    {
        var perWord = new List<Postings>();
        foreach (var phrase in words.Phrases)
        {
            perWord.Add(await PostingsAsync(connection, phrase[0], withCounts: false, cancellationToken));
        }
        // The records of the rarest word that every other word has too, each list walked once.
        var rarest = perWord.MinBy(postings => postings.Count)!;
        var others = perWord.Where(postings => postings != rarest).ToList();
        var next = new int[others.Count];
        var matched = new List<long>(rarest.Count);
        foreach (var rowId in rarest.RowIds)
        {
            var all = true;
            for (var w = 0; w < others.Count && all; w++)
            {
                var ids = others[w].RowIds;
                while (next[w] < ids.Length && ids[next[w]] < rowId)
                {
                    next[w]++;
                }
                all = next[w] < ids.Length && ids[next[w]] == rowId;
            }
            if (all)
            {
                matched.Add(rowId);
            }
        }
        var types = SearchIndex.Types.Length;
        if (!ranked || matched.Count > SearchStore.ScoredMatchesLimit)
        {
            return matched.ConvertAll(rowId => new Candidate((int)(rowId % types), rowId / types));
        }
        // Few enough to score: each word's records again, with their counts. (The counts are most of what PostgreSQL
        // sends and the app decodes, so a common word, never scored, goes without them.)
        for (var w = 0; w < perWord.Count; w++)
        {
            perWord[w] = await PostingsAsync(connection, words.Phrases[w][0], withCounts: true, cancellationToken);
        }
        var (rows, allWords) = await IndexSizeAsync(connection, cancellationToken);
        var averageWords = rows == 0 ? 1.0 : (double)allWords / rows;
        var idfs = perWord.Select(postings => Bm25.Idf(rows, postings.Count)).ToList();
        return [.. matched.Select(rowId => new Candidate((int)(rowId % types), rowId / types, -perWord.Select((postings, w) =>
            Array.BinarySearch(postings.RowIds, rowId) switch
            {
                // Not found: the record left the index between the two reads, and scores nothing for this word.
                < 0 => 0,
                var i => Bm25.Term(idfs[w], averageWords, postings.Words[i], postings.InTitle[i], postings.InBody[i]),
            }).Sum()))];
    }

    /// <summary>
    /// The records holding a word that begins with <paramref name="prefix"/> (FTS5's prefix query), sorted by row id,
    /// with the occurrences of all such words: a range of the btree (C ordering, so the range is the words' bytes;
    /// U+10FFFF sorts after every other character), each row a block's arrays. A whole word is its blocks in order;
    /// the words of a prefix are merged here (a GROUP BY spilled to disk at a fifth of a million records).
    /// </summary>
    private static async Task<Postings> PostingsAsync(DbConnection connection, string prefix, bool withCounts, CancellationToken cancellationToken)
    {
        var entries = new Postings();
        var words = 0;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT word, row_ids{(withCounts ? ", in_title, in_body, words" : "")} FROM search_word WHERE word >= @prefix AND word < @bound ORDER BY word, block",
            new { prefix, bound = prefix + "\U0010FFFF" }, cancellationToken: cancellationToken)))
        {
            string? word = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(0) != word)
                {
                    (word, words) = (reader.GetString(0), words + 1);
                }
                entries.AddBlock(reader.GetFieldValue<long[]>(1), withCounts
                    ? (reader.GetFieldValue<int[]>(2), reader.GetFieldValue<int[]>(3), reader.GetFieldValue<int[]>(4))
                    : null);
            }
        }
        return words > 1 ? entries.Merged() : entries;
    }

    /// <summary>Records with their counts (when read), in parallel lists, sorted by row id within each block (appends
    /// may not be). The row ids are gathered block by block and joined once: a list grown to 200,000 would leave a
    /// trail of large arrays for the collector.</summary>
    private sealed class Postings
    {
        private readonly List<long[]> _blocks = [];
        private long[]? _rowIds;

        public long[] RowIds => _rowIds ??= Joined(_blocks);
        public List<int> InTitle { get; } = [];
        public List<int> InBody { get; } = [];
        public List<int> Words { get; } = [];

        public int Count => RowIds.Length;

        public void AddBlock(long[] rowIds, (int[] InTitle, int[] InBody, int[] Words)? counts)
        {
            var order = Enumerable.Range(0, rowIds.Length).ToArray();
            if (Enumerable.Range(1, Math.Max(0, rowIds.Length - 1)).Any(i => rowIds[i - 1] > rowIds[i]))
            {
                Array.Sort((long[])rowIds.Clone(), order);
                rowIds = [.. order.Select(i => rowIds[i])];
            }
            _blocks.Add(rowIds);
            if (counts is var (inTitle, inBody, words))
            {
                foreach (var i in order)
                {
                    InTitle.Add(inTitle[i]);
                    InBody.Add(inBody[i]);
                    Words.Add(words[i]);
                }
            }
        }

        private static long[] Joined(List<long[]> blocks)
        {
            var joined = new long[blocks.Sum(block => block.Length)];
            var at = 0;
            foreach (var block in blocks)
            {
                block.CopyTo(joined, at);
                at += block.Length;
            }
            return joined;
        }

        /// <summary>Several words' records (each sorted) as one list sorted by row id, a record's counts (if read) summed.</summary>
        public Postings Merged()
        {
            var ids = RowIds;
            var withCounts = InTitle.Count == ids.Length;
            var merged = new Postings();
            var rowIds = new List<long>(ids.Length);
            foreach (var i in Enumerable.Range(0, ids.Length).OrderBy(i => ids[i]))
            {
                var again = rowIds.Count > 0 && rowIds[^1] == ids[i];
                if (!again)
                {
                    rowIds.Add(ids[i]);
                }
                if (withCounts && again)
                {
                    merged.InTitle[^1] += InTitle[i];
                    merged.InBody[^1] += InBody[i];
                }
                else if (withCounts)
                {
                    merged.InTitle.Add(InTitle[i]);
                    merged.InBody.Add(InBody[i]);
                    merged.Words.Add(Words[i]);
                }
            }
            merged._blocks.Add([.. rowIds]);
            return merged;
        }
    }

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
