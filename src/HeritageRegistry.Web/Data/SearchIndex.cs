using System.Collections.Immutable;
using System.Data;
using Dapper;
using HeritageRegistry.Search;
using HeritageRegistry.Search.FullText;

namespace HeritageRegistry.Data;

/// <summary>
/// Keeps the full-text row (Search/FullText: FTS5 or PostgreSQL) of a record in step with the record. Only public records (PublicSql) have a
/// row, so no draft's words are ever in the index. The row's text is read back from the database
/// inside the caller's transaction, so it is whatever was just written (a site's other names
/// included) and the index and the data commit or roll back together.
/// </summary>
public static class SearchIndex
{
    /// <summary>Indexed record types; a type's position is the low part of its rows' rowid (id * 4 + position).</summary>
    public static readonly ImmutableArray<string> Types = ["report", "site", "source", "photo"];

    public static bool Covers(string type) => Types.Contains(type);

    public static long RowId(string type, long id) => (id * Types.Length) + Code(type);

    /// <summary>
    /// The records whose visibility follows this one's (they hang on it, PublicSql): a place's reports
    /// and photos, a report's photos. Each is a condition on their row x, given the record's @id.
    /// </summary>
    public static IReadOnlyList<(string Type, string Where)> Dependents(string type) => type switch
    {
        "site" => [("report", "x.site_id = @id"), ("photo", "x.site_id = @id")],
        "report" => [("photo", "x.report_id = @id")],
        _ => [],
    };

    /// <summary>Rewrites the index row of one record and of the records that hang on it: a row while the
    /// record is public, none while it is a draft, deleted, or hangs on one that is.</summary>
    public static async Task RefreshAsync(IDbConnection connection, IDbTransaction transaction, string type, long id,
        CancellationToken cancellationToken)
    {
        await RewriteAsync(connection, transaction, type, "x.id = @id", id, cancellationToken);
        foreach (var (dependent, where) in Dependents(type))
        {
            await RewriteAsync(connection, transaction, dependent, where, id, cancellationToken);
        }
        await BumpGenerationAsync(connection, transaction, cancellationToken);
    }

    private static async Task RewriteAsync(IDbConnection connection, IDbTransaction transaction, string type, string where, long id,
        CancellationToken cancellationToken)
    {
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT x.id FROM {Editing.RecordType.Find(type)!.Table} x WHERE {where}", new { id }, transaction, cancellationToken: cancellationToken));
        await SqlDialect.Of(connection).FullText.DeleteAsync(connection, transaction, ids.Select(x => RowId(type, x)), cancellationToken);
        var rows = await connection.QueryAsync<IndexRow>(new CommandDefinition(
            $"{TextSql(type)} AND {where}", new { id }, transaction, cancellationToken: cancellationToken));
        await InsertAsync(connection, transaction, type, rows, cancellationToken);
    }

    /// <summary>Reads <see cref="GenerationAsync"/>'s count: a page may put it first among its own statements.</summary>
    public const string GenerationSql = "SELECT generation FROM search_index_state WHERE id = 1";

    /// <summary>The count of index writes so far; it changes in the same transaction as each write.</summary>
    public static Task<long> GenerationAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(GenerationSql, transaction: transaction, cancellationToken: cancellationToken));

    private static Task<int> BumpGenerationAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE search_index_state SET generation = generation + 1 WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Refills the whole index when it was folded by another <see cref="SearchText.Version"/> (or
    /// never): after migration 0004, or after a change to folding. Returns whether it rebuilt.
    /// </summary>
    public static async Task<bool> RebuildIfStaleAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT text_version FROM search_index_state WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken));
        if (version == SearchText.Version)
        {
            return false;
        }
        await database.Dialect.FullText.ClearAsync(connection, transaction, cancellationToken);
        foreach (var type in Types)
        {
            // In batches by id, so a large registry is never held in memory at once.
            for (var after = 0L; ;)
            {
                var batch = (await connection.QueryAsync<IndexRow>(new CommandDefinition(
                    $"{TextSql(type)} AND x.id > @after ORDER BY x.id LIMIT 1000", new { after }, transaction,
                    cancellationToken: cancellationToken))).AsList();
                if (batch.Count == 0)
                {
                    break;
                }
                await InsertAsync(connection, transaction, type, batch, cancellationToken);
                after = batch[^1].Id;
            }
        }
        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE search_index_state SET text_version = @version WHERE id = 1",
            new { version = SearchText.Version }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task InsertAsync(IDbConnection connection, IDbTransaction transaction, string type,
        IEnumerable<IndexRow> rows, CancellationToken cancellationToken) =>
        await SqlDialect.Of(connection).FullText.InsertAsync(connection, transaction,
            rows.Select(row => new FullTextRow(RowId(type, row.Id), SearchText.FoldNames(row.Title),
                row.Place is null ? SearchText.Fold(row.Body) : $"{SearchText.Fold(row.Body)}\n{SearchText.FoldNames(row.Place)}")), cancellationToken);

    private static int Code(string type)
    {
        var code = Types.IndexOf(type);
        return code >= 0 ? code : throw new ArgumentException($"'{type}' is not an indexed record type.", nameof(type));
    }

    private sealed record IndexRow
    {
        public long Id { get; init; }
        public string? Title { get; init; }
        public string? Body { get; init; }

        /// <summary>A report's place's names (PlaceNamesSql), in its body: below its own title's weight.</summary>
        public string? Place { get; init; }
    }

    // What each public record puts in the index: title (weighted higher) and body, lines joined by
    // newlines, the Arabic text beside the English so either language finds it. Callers add "AND ..." to narrow it.
    private const string NewLine = "'\n'"; // a quoted line break: SQLite has char(10), PostgreSQL chr(10), both read this

    // A report is found under its place's names, since people search for the place ("temple of bel") and a
    // report's text need not name it; in the body, so the report's own title still weighs more. Not the names
    // of the places around it: every report lies within Palmyra, and "palmyra" would then find all of them,
    // which the place filter (site=palmyra) already does. A place's edit rewrites its reports' rows
    // (Dependents), so a renamed place's reports are found under the new name.
    private static string PlaceNamesSql(string siteId) => $"""
        (SELECT concat_ws({NewLine}, p.name_en, p.name_ar,
                          (SELECT string_agg(n.name, {NewLine} ORDER BY n.position, n.id) FROM site_name n WHERE n.site_id = p.id))
         FROM site p WHERE p.id = {siteId})
        """;

    private static string TextSql(string type) => type switch
    {
        "report" => $"""
            SELECT x.id, concat_ws({NewLine}, x.title, x.title_ar) AS title,
                   concat_ws({NewLine}, x.reference, x.description, x.description_ar, x.assessor) AS body,
                   {PlaceNamesSql("x.site_id")} AS place
            FROM damage_report x WHERE {PublicSql.Report("x")}
            """,
        "site" => $"""
            SELECT x.id,
                   concat_ws({NewLine}, x.name_en, x.name_ar,
                             (SELECT string_agg(n.name, {NewLine} ORDER BY n.position, n.id) FROM site_name n WHERE n.site_id = x.id)) AS title,
                   concat_ws({NewLine}, x.summary, x.summary_ar, x.description, x.description_ar) AS body
            FROM site x WHERE {PublicSql.Site("x")}
            """,
        "source" => $"""
            SELECT x.id, x.title, concat_ws({NewLine}, x.reference, x.publisher, x.authors, x.notes, x.doi) AS body
            FROM source x WHERE {PublicSql.Source("x")}
            """,
        "photo" => $"SELECT x.id, concat_ws({NewLine}, x.caption, x.caption_ar) AS title, x.credit AS body FROM photo x WHERE {PublicSql.Photo("x")}",
        _ => throw new ArgumentException($"'{type}' is not an indexed record type.", nameof(type)),
    };
}
