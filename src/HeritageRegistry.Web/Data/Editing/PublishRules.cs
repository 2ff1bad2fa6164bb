using System.Data;
using Dapper;

namespace HeritageRegistry.Data.Editing;

/// <summary>
/// What the published record must always satisfy: a published report cites at least one published
/// source. The editor checks it inside the transaction of every write, after the write and before the
/// commit, so no path (publishing, restoring from deletion, removing a citation, deleting or withdrawing
/// a source, restoring a revision) and no two curators acting at once can break it between them.
/// </summary>
public static class PublishRules
{
    /// <summary>Why the write just made breaks a rule, or null when it breaks none.</summary>
    public static async Task<string?> CheckAsync(IDbConnection connection, IDbTransaction transaction, RecordType type,
        EditableRecord? before, EditableRecord after, CancellationToken cancellationToken)
    {
        var reports = await ReportsTouchedAsync(connection, transaction, type, before, after, cancellationToken);
        if (reports.Count == 0)
        {
            return null;
        }
        // A write to the reports' rows takes their row locks on any database (SQLite has no SELECT ... FOR
        // UPDATE), so two writes that touch one report's sources are checked one after the other, and the
        // second counts what the first committed.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE damage_report SET version = version WHERE {SqlDialect.Of(connection).InList("id", "@reports")}", new { reports }, transaction, cancellationToken: cancellationToken));
        // The report's own state, not the public visibility rule: a published report waiting for its place
        // to be published must have its source by then too.
        var unsourced = (await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT r.reference FROM damage_report r
            WHERE {SqlDialect.Of(connection).InList("r.id", "@reports")} AND r.publication = 'published' AND r.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM citation ci JOIN source so ON so.id = ci.source_id
                              WHERE ci.report_id = r.id AND ci.deleted_at IS NULL
                                AND so.publication = 'published' AND so.deleted_at IS NULL)
            ORDER BY r.reference
            """, new { reports }, transaction, cancellationToken: cancellationToken))).AsList();
        if (unsourced.Count == 0)
        {
            return null;
        }
        if (type == RecordType.Report)
        {
            return "A report cannot be published without at least one cited source. Add a citation first.";
        }
        if (type == RecordType.Citation)
        {
            return "This is the only source of a published report. Cite another source first, or withdraw the report to draft.";
        }
        return $"This is the only published source of {string.Join(", ", unsourced)}: cite another source there first, or withdraw "
            + (unsourced.Count == 1 ? "that report" : "those reports") + " to draft.";
    }

    /// <summary>The reports whose sources a write to this record can change.</summary>
    private static async Task<List<long>> ReportsTouchedAsync(IDbConnection connection, IDbTransaction transaction, RecordType type,
        EditableRecord? before, EditableRecord after, CancellationToken cancellationToken)
    {
        if (type == RecordType.Report)
        {
            // Only a report coming into view (published, restored from deletion) can arrive without a source.
            return IsPublished(after) && (before is null || !IsPublished(before)) ? [after.Id] : [];
        }
        if (type == RecordType.Citation)
        {
            return new[] { before?.Values["report_id"], after.Values["report_id"] }.OfType<long>().Distinct().ToList();
        }
        if (type == RecordType.Source)
        {
            return (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT DISTINCT report_id FROM citation WHERE source_id = @id AND report_id IS NOT NULL AND deleted_at IS NULL",
                new { id = after.Id }, transaction, cancellationToken: cancellationToken))).AsList();
        }
        return [];
    }

    private static bool IsPublished(EditableRecord report) => report.Publication == "published" && !report.IsDeleted;
}
