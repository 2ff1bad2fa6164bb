using System.Data;
using System.Data.Common;
using Dapper;
using HeritageRegistry.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HeritageRegistry.Search.FullText;

/// <summary>
/// SQLite's FTS5 table search_index (migrations/sqlite/0004): contentless, its rowid the record's row id,
/// tokenised by unicode61 as <see cref="SearchText.Words"/> splits, bm25 with titles weighted 5.
/// </summary>
internal sealed class Fts5Index : IFullTextIndex
{
    private const string Rank = "bm25(search_index, 5.0, 1.0)";

    public Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<long> rowIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM search_index WHERE rowid = @rowId",
            rowIds.Select(rowId => new { rowId }), transaction, cancellationToken: cancellationToken));

    public Task InsertAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<FullTextRow> rows, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("INSERT INTO search_index (rowid, title, body) VALUES (@RowId, @Title, @Body)",
            rows, transaction, cancellationToken: cancellationToken));

    public Task ClearAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("INSERT INTO search_index (search_index) VALUES ('delete-all')",
            transaction: transaction, cancellationToken: cancellationToken));

    public string MatchSql(bool ranked) =>
        $"SELECT rowid AS row_id, {(ranked ? Rank : "0.0")} AS rank FROM search_index WHERE search_index MATCH @match";

    public string MatchParameter(FtsQuery words) => words.Match;

    /// <summary>Scored by bm25 only when there are few enough matches to score (SearchStore.ScoredMatchesLimit).
    /// Read synchronously: SQLite answers from memory, and 200,000 awaits cost more than the reading.</summary>
    public Task<List<Candidate>> MatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var matches = Rows(sqlite, "SELECT rowid FROM search_index WHERE search_index MATCH @match", words.Match);
        return Task.FromResult(ranked && matches.Count <= SearchStore.ScoredMatchesLimit
            ? Rows(sqlite, $"SELECT rowid, {Rank} FROM search_index WHERE search_index MATCH @match", words.Match)
            : matches);
    }

    /// <summary>
    /// Reads the (rowid[, score]) rows of one MATCH with SQLite's own statement API: a common word
    /// matches hundreds of thousands of rows, and the ADO.NET reader's per-row cost (about 100 ns)
    /// was a third of the whole search.
    /// </summary>
    private static List<Candidate> Rows(SqliteConnection connection, string sql, string match)
    {
        var types = SearchIndex.Types.Length;
        var rows = new List<Candidate>();
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), connection);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@match"), match), connection);
            var scored = raw.sqlite3_column_count(statement) > 1;
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var rowId = raw.sqlite3_column_int64(statement, 0);
                rows.Add(new Candidate((int)(rowId % types), rowId / types, scored ? raw.sqlite3_column_double(statement, 1) : 0));
            }
            if (step != raw.SQLITE_DONE)
            {
                Check(step, connection);
            }
        }
        return rows;
    }

    private static void Check(int result, SqliteConnection connection) => SqliteException.ThrowExceptionForRC(result, connection.Handle);
}
