using System.Data;
using System.Data.Common;

namespace HeritageRegistry.Search.FullText;

/// <summary>One row of the index: a record's row id (id * 4 + type, Data/SearchIndex.cs) and its folded title and body.</summary>
public readonly record struct FullTextRow(long RowId, string Title, string Body);

/// <summary>
/// The full-text index of the public records, over text folded in C# (<see cref="SearchText"/>) so both
/// databases see the same words: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL. Titles (names)
/// weigh five times the body in the ranking on both. Data/SearchIndex.cs decides what goes in; this only
/// stores and matches it.
/// </summary>
public interface IFullTextIndex
{
    Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<long> rowIds, CancellationToken cancellationToken);

    Task InsertAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<FullTextRow> rows, CancellationToken cancellationToken);

    Task ClearAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The records matching the words; with a rank (lower is better) when <paramref name="ranked"/>.</summary>
    Task<List<Candidate>> MatchesAsync(DbConnection connection, FtsQuery words, bool ranked, CancellationToken cancellationToken);

    /// <summary>SQL of the (row_id, rank) rows matching the parameter @match, rank lower is better (0 unless ranked).</summary>
    string MatchSql(bool ranked);

    /// <summary>The value of @match in <see cref="MatchSql"/> for these words.</summary>
    string MatchParameter(FtsQuery words);
}
