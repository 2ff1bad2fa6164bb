using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Search.FullText;

/// <summary>
/// PostgreSQL's search_index table (migrations/postgresql): one tsvector per record with a GIN index.
/// The vector and the query are written here, word by word, from <see cref="SearchText.Words"/> of the
/// folded text, rather than by to_tsvector: PostgreSQL's parser would split words its own way (hyphenated
/// words, numbers, locale-dependent letters), and the words must be exactly the ones FTS5 sees on SQLite.
/// Title words carry weight A and rank five times the body's (as bm25's weights on SQLite).
/// </summary>
internal sealed class PostgreSqlTextIndex : IFullTextIndex
{
    // ts_rank's weights in the order D, C, B, A, each at most 1: body words are D, title words A, five times as heavy.
    private const string Rank = "-ts_rank('{0.2, 0.0, 0.0, 1.0}', document, CAST(@match AS tsquery))";

    // Limits of tsvector: a lexeme of at most 2046 bytes, positions up to 16383 (later words share the last).
    private const int MaxLexemeBytes = 2046;
    private const int MaxPosition = 16383;

    public Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<long> rowIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM search_index WHERE row_id = ANY(@rowIds)",
            new { rowIds = rowIds.ToArray() }, transaction, cancellationToken: cancellationToken));

    public Task InsertAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<FullTextRow> rows, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO search_index (row_id, document) VALUES (@RowId, CAST(@Document AS tsvector))",
            rows.Select(row => new { row.RowId, Document = Vector(row.Title, row.Body) }), transaction, cancellationToken: cancellationToken));

    public Task ClearAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM search_index", transaction: transaction, cancellationToken: cancellationToken));

    public string MatchSql(bool ranked) =>
        $"SELECT row_id, {(ranked ? Rank : "0.0")} AS rank FROM search_index WHERE document @@ CAST(@match AS tsquery)";

    public string MatchParameter(FtsQuery words) => Query(words);

    public async Task<List<Candidate>> MatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken)
    {
        var match = Query(words);
        var matches = await RowsAsync(connection, MatchSql(ranked: false), match, cancellationToken);
        return ranked && matches.Count <= SearchStore.ScoredMatchesLimit
            ? await RowsAsync(connection, MatchSql(ranked: true), match, cancellationToken)
            : matches;
    }

    private static async Task<List<Candidate>> RowsAsync(DbConnection connection, string sql, string match, CancellationToken cancellationToken)
    {
        var types = SearchIndex.Types.Length;
        var rows = new List<Candidate>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "match";
        parameter.Value = match;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            rows.Add(new Candidate((int)(rowId % types), rowId / types, reader.GetDouble(1)));
        }
        return rows;
    }

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
    internal static string Query(FtsQuery words) =>
        string.Join(" & ", words.Phrases.Select(phrase => "(" + string.Join(" <-> ", phrase.Select(Lexeme)) + ":*)"));

    // Quoted, so no word is read as an operator; the folded words hold only letters and digits, but quote and
    // backslash are escaped all the same.
    private static string Lexeme(string word) =>
        "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
