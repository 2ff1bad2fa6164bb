using System.Globalization;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Import;

/// <summary>An import as its page shows it.</summary>
public sealed record ImportSummary
{
    public long Id { get; init; }
    public string FileName { get; init; } = "";
    public string RecordType { get; init; } = "";
    public long RowCount { get; init; }
    public string? UserName { get; init; }
    public string CreatedAt { get; init; } = "";
    public string? UndoneAt { get; init; }

    /// <summary>The note on every revision the import wrote, so history shows where a record came from.</summary>
    public string Note => Notes.Of(Id, FileName);
}

/// <summary>A record an import made, as it stands now.</summary>
public sealed record ImportedRecord
{
    public string EntityType { get; init; } = "";
    public long EntityId { get; init; }
    public long FileRow { get; init; }
    public string Label { get; init; } = "";
    public string? Key { get; init; }
    public string? DeletedAt { get; init; }
}

/// <summary>An edit made to an imported record after the import, which stops its undo.</summary>
public sealed record LaterEdit
{
    public string EntityType { get; init; } = "";
    public long EntityId { get; init; }
    public string Label { get; init; } = "";
    public string Action { get; init; } = "";
    public string? UserName { get; init; }
    public string At { get; init; } = "";
}

public enum UndoStatus { Undone, Edited, AlreadyUndone, NotFound }

public static class Notes
{
    public static string Of(long id, string fileName) => string.Create(CultureInfo.InvariantCulture, $"Import {id}: {fileName}");

    public static string UndoOf(long id, string fileName) => string.Create(CultureInfo.InvariantCulture, $"Undo of import {id}: {fileName}");
}

/// <summary>
/// Writes an import's records through the <see cref="RecordEditor"/> in one batch (all as drafts, each with a
/// revision naming the import, with citations of its sources) and keeps which records it made, so it can be
/// undone as a whole while nobody has edited them since.
/// </summary>
public sealed class ImportStore(Database database, RecordEditor editor, ReportReferences references)
{
    /// <summary>Makes every row of a plan without problems, or nothing. Returns the import's id, or the row the editor refused.</summary>
    public async Task<(long? Id, ImportProblem? Refusal)> ImportAsync(ImportPlan plan, string fileName, long? userId, CancellationToken cancellationToken)
    {
        var type = plan.Kind.Type;
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO spreadsheet_import (file_name, record_type, row_count, user_id, created_at)
            VALUES (@fileName, @recordType, @rows, @userId, @now) RETURNING id
            """, new { fileName, recordType = type.Name, rows = plan.Rows.Count, userId, now = Clock.NowText() }, transaction, cancellationToken: cancellationToken));
        var note = Notes.Of(id, fileName);
        foreach (var row in plan.Rows)
        {
            var values = new Dictionary<string, object?>(row.Values);
            if (type == RecordType.Report)
            {
                // References count per year of the event (PAL-2015-0016), as the report form makes them.
                values["reference"] = await references.NextAsync(connection, transaction,
                    int.Parse(((string)values["event_earliest"]!)[..4], CultureInfo.InvariantCulture));
            }
            var made = await editor.CreateAsync(batch, type, values, userId, note, publish: false, cancellationToken);
            if (made.Status != SaveStatus.Saved)
            {
                return (null, new ImportProblem(row.Number, made.Column ?? "", made.Message ?? "The registry refused this row.")); // the batch rolls back
            }
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO spreadsheet_import_record (import_id, entity_type, entity_id, file_row) VALUES (@id, @type, @entityId, @row)
                """, new { id, type = type.Name, entityId = made.Id, row = row.Number }, transaction, cancellationToken: cancellationToken));
            for (var position = 0; position < row.SourceIds.Count; position++)
            {
                var citation = await editor.CreateAsync(batch, RecordType.Citation, new Dictionary<string, object?>
                {
                    ["source_id"] = row.SourceIds[position], [type == RecordType.Report ? "report_id" : "site_id"] = made.Id, ["position"] = position,
                }, userId, note, publish: false, cancellationToken);
                if (citation.Status != SaveStatus.Saved)
                {
                    return (null, new ImportProblem(row.Number, ImportKind.Sources, citation.Message ?? "The registry refused a citation of this row."));
                }
            }
        }
        await editor.CommitAsync(batch, cancellationToken);
        return (id, null);
    }

    public async Task<IReadOnlyList<ImportSummary>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ImportSummary>(new CommandDefinition(
            $"{SummarySelect} ORDER BY i.id DESC LIMIT @count", new { count }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<ImportSummary?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ImportSummary>(new CommandDefinition(
            $"{SummarySelect} WHERE i.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ImportedRecord>> RecordsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ImportedRecord>(new CommandDefinition("""
            SELECT ir.entity_type, ir.entity_id, ir.file_row,
                   COALESCE(r.title, s.name_en) AS label, COALESCE(r.reference, s.slug) AS key, COALESCE(r.deleted_at, s.deleted_at) AS deleted_at
            FROM spreadsheet_import_record ir
            LEFT JOIN damage_report r ON ir.entity_type = 'report' AND r.id = ir.entity_id
            LEFT JOIN site s ON ir.entity_type = 'site' AND s.id = ir.entity_id
            WHERE ir.import_id = @id ORDER BY ir.file_row
            """, new { id }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Soft-deletes every record the import made, each as a revision, in one transaction, unless one of them has
    /// been changed since (any revision after its first): then nothing is undone and those changes are returned.
    /// </summary>
    public async Task<(UndoStatus Status, IReadOnlyList<LaterEdit> Edits)> UndoAsync(long id, long? userId, CancellationToken cancellationToken)
    {
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        var import = await connection.QuerySingleOrDefaultAsync<ImportSummary>(new CommandDefinition(
            $"{SummarySelect} WHERE i.id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (import is null)
        {
            return (UndoStatus.NotFound, []);
        }
        // Claims the import first: of two undos at once, the second finds it undone (or waits for the first's row lock).
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE spreadsheet_import SET undone_at = @now WHERE id = @id AND undone_at IS NULL",
            new { id, now = Clock.NowText() }, transaction, cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return (UndoStatus.AlreadyUndone, []);
        }
        var edits = (await connection.QueryAsync<LaterEdit>(new CommandDefinition("""
            SELECT rv.entity_type, rv.entity_id, COALESCE(r.reference, s.slug, '') AS label, rv.action, u.display_name AS user_name, rv.at
            FROM spreadsheet_import_record ir
            JOIN revision rv ON rv.entity_type = ir.entity_type AND rv.entity_id = ir.entity_id
            LEFT JOIN app_user u ON u.id = rv.user_id
            LEFT JOIN damage_report r ON ir.entity_type = 'report' AND r.id = ir.entity_id
            LEFT JOIN site s ON ir.entity_type = 'site' AND s.id = ir.entity_id
            WHERE ir.import_id = @id
              AND rv.id > (SELECT MIN(first.id) FROM revision first WHERE first.entity_type = ir.entity_type AND first.entity_id = ir.entity_id)
            ORDER BY rv.id
            """, new { id }, transaction, cancellationToken: cancellationToken))).AsList();
        if (edits.Count > 0)
        {
            return (UndoStatus.Edited, edits); // the batch rolls back the claim
        }
        var note = Notes.UndoOf(id, import.FileName);
        var made = await connection.QueryAsync<(string, long)>(new CommandDefinition(
            "SELECT entity_type, entity_id FROM spreadsheet_import_record WHERE import_id = @id ORDER BY file_row",
            new { id }, transaction, cancellationToken: cancellationToken));
        foreach (var (typeName, entityId) in made)
        {
            var type = RecordType.Find(typeName)!;
            if (await RecordEditor.GetAsync(batch, type, entityId, cancellationToken) is not { IsDeleted: false } record)
            {
                continue;
            }
            var deleted = await editor.SetDeletedAsync(batch, type, entityId, record.Version, deleted: true, userId, note, cancellationToken);
            if (deleted.Status != SaveStatus.Saved)
            {
                return (UndoStatus.Edited, [new LaterEdit { EntityType = typeName, EntityId = entityId, Action = deleted.Message ?? "refused" }]);
            }
        }
        await editor.CommitAsync(batch, cancellationToken);
        return (UndoStatus.Undone, []);
    }

    private const string SummarySelect = """
        SELECT i.id, i.file_name, i.record_type, i.row_count, u.display_name AS user_name, i.created_at, i.undone_at
        FROM spreadsheet_import i LEFT JOIN app_user u ON u.id = i.user_id
        """;
}
