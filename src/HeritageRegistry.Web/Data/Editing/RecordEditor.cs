using System.Data;
using Dapper;
using System.Data.Common;

namespace HeritageRegistry.Data.Editing;

/// <summary>A record as curators edit it: its editable values plus the state edits must respect.</summary>
public sealed record EditableRecord(long Id, long Version, string? Publication, bool IsDeleted, IReadOnlyDictionary<string, object?> Values);

public enum SaveStatus { Saved, Conflict, NotFound, Refused, Forbidden }

/// <summary>What became of a save. On a conflict, <see cref="Current"/> is what another curator saved meanwhile;
/// on a refusal, <see cref="Column"/> names the value at fault when one is.</summary>
public sealed record SaveResult(SaveStatus Status, long Id = 0, EditableRecord? Current = null, string? Message = null, string? Column = null)
{
    public static SaveResult NotFound { get; } = new(SaveStatus.NotFound);
}

/// <summary>
/// Every change to a curated record goes through here, so each one is version-checked (no edit
/// silently overwrites another), keeps the <see cref="PublishRules"/>, leaves a revision with the state
/// before and after, and keeps the search index in step, all in one transaction: either everything is
/// written or nothing is. After the commit it announces what changed (<see cref="RecordsChanged"/>).
/// </summary>
public sealed class RecordEditor(Database database, RecordsChanged changes)
{
    public async Task<EditableRecord?> GetAsync(RecordType type, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, type, id, cancellationToken);
    }

    /// <summary>Whether values would keep their type's write rule: for a form to refuse early, before work the write
    /// would waste (the write checks again inside its transaction).</summary>
    public async Task<Refusal?> CheckAsync(RecordType type, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        if (type.Rule is not { } rule)
        {
            return null;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return await rule(connection, null, Editable(type, values), cancellationToken);
    }

    /// <summary>Adds a record (a draft where the type has publication). <paramref name="prepare"/> may fill
    /// values that must be computed inside the transaction, such as the next reference number.</summary>
    public async Task<SaveResult> CreateAsync(RecordType type, IReadOnlyDictionary<string, object?> values, long? userId, string? note,
        CancellationToken cancellationToken, Func<IDbConnection, IDbTransaction, Dictionary<string, object?>, Task>? prepare = null)
    {
        var (ids, refusal) = await InsertAsync(type, [values], userId, note, prepare, publish: false, cancellationToken);
        return refusal is null ? new SaveResult(SaveStatus.Saved, ids[0]) : new SaveResult(SaveStatus.Refused, Message: refusal.Message, Column: refusal.Column);
    }

    /// <summary>Adds several records in one transaction (an import): all of them, or, if any one clashes
    /// with an existing name or reference, none (the result is then empty). With <paramref name="publish"/>
    /// they are created published rather than as drafts.</summary>
    public async Task<IReadOnlyList<long>> CreateManyAsync(RecordType type, IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        long? userId, string? note, CancellationToken cancellationToken,
        Func<IDbConnection, IDbTransaction, Dictionary<string, object?>, Task>? prepare = null, bool publish = false)
    {
        var (ids, refusal) = await InsertAsync(type, records, userId, note, prepare, publish, cancellationToken);
        return refusal is null ? ids : [];
    }

    private async Task<(List<long> Ids, Refusal? Refusal)> InsertAsync(RecordType type, IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        long? userId, string? note, Func<IDbConnection, IDbTransaction, Dictionary<string, object?>, Task>? prepare, bool publish,
        CancellationToken cancellationToken)
    {
        await using var batch = await BeginBatchAsync(cancellationToken);
        var ids = new List<long>(records.Count);
        foreach (var values in records)
        {
            var (id, refusal) = await InsertOneAsync(batch, type, values, userId, note, prepare, publish, cancellationToken);
            if (refusal is not null)
            {
                return ([], refusal); // disposing the batch rolls back the rest
            }
            ids.Add(id);
        }
        await CommitAsync(batch, cancellationToken);
        return (ids, null);
    }

    private static async Task<(long Id, Refusal? Refusal)> InsertOneAsync(EditBatch batch, RecordType type, IReadOnlyDictionary<string, object?> values,
        long? userId, string? note, Func<IDbConnection, IDbTransaction, Dictionary<string, object?>, Task>? prepare, bool publish,
        CancellationToken cancellationToken)
    {
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        var (publicationColumn, publicationValue) = publish && type.HasPublication ? (", publication", ", 'published'") : ("", "");
        var row = Editable(type, values);
        if (prepare is not null)
        {
            await prepare(connection, transaction, row);
        }
        if (await BrokenRuleAsync(connection, transaction, type, row, cancellationToken) is { } broken)
        {
            return (0, broken);
        }
        var parameters = Parameters(row);
        parameters.Add("now", Clock.NowText());
        var sql = $"""
            INSERT INTO {type.Table} ({string.Join(", ", type.Columns)}{publicationColumn}, created_at, updated_at)
            VALUES ({string.Join(", ", type.Columns.Select(c => "@" + c))}{publicationValue}, @now, @now)
            RETURNING id
            """;
        var id = await ConstraintSafeAsync(connection, () => connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)));
        if (id is null)
        {
            return (0, new Refusal(null, "Another record already uses that name or reference."));
        }
        if (await WriteChildrenAsync(connection, transaction, type, id.Value, values, cancellationToken) is { } refusal)
        {
            return (0, new Refusal(null, refusal));
        }
        var after = await ReadAsync(connection, transaction, type, id.Value, cancellationToken);
        if (await PublishRules.CheckAsync(connection, transaction, type, null, after!, cancellationToken) is { } unsourced)
        {
            return (0, new Refusal(null, unsourced));
        }
        await FinishAsync(connection, transaction, type, "create", null, after!, userId, note, cancellationToken);
        batch.Changed.Add(new ChangedRecord(type, id.Value));
        return (id.Value, null);
    }

    // --- Batches: several writes in one transaction --------------------------------------------

    /// <summary>Starts writes that commit together or not at all (a seed update step). Dispose it without
    /// <see cref="CommitAsync"/> and none of them is kept.</summary>
    public async Task<EditBatch> BeginBatchAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        return new EditBatch(connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>Commits the batch's writes, then announces every record they changed.</summary>
    public async Task CommitAsync(EditBatch batch, CancellationToken cancellationToken)
    {
        await batch.Transaction.CommitAsync(cancellationToken);
        if (batch.Changed.Count > 0)
        {
            await changes.AnnounceAsync([.. batch.Changed.Distinct()]);
        }
    }

    /// <summary>Adds a record within a batch, published at once where the type has publication and <paramref name="publish"/> is set.</summary>
    public async Task<SaveResult> CreateAsync(EditBatch batch, RecordType type, IReadOnlyDictionary<string, object?> values, long? userId, string? note,
        bool publish, CancellationToken cancellationToken)
    {
        var (id, refusal) = await InsertOneAsync(batch, type, values, userId, note, null, publish, cancellationToken);
        return refusal is null ? new SaveResult(SaveStatus.Saved, id) : new SaveResult(SaveStatus.Refused, Message: refusal.Message, Column: refusal.Column);
    }

    public Task<SaveResult> UpdateAsync(EditBatch batch, RecordType type, long id, long expectedVersion, IReadOnlyDictionary<string, object?> values,
        long? userId, string? note, CancellationToken cancellationToken) =>
        ChangeInAsync(batch, type, id, expectedVersion, "update", userId, note, () => ReplaceValues(type, values), cancellationToken, values);

    public Task<SaveResult> SetDeletedAsync(EditBatch batch, RecordType type, long id, long expectedVersion, bool deleted, long? userId, string? note,
        CancellationToken cancellationToken) =>
        ChangeInAsync(batch, type, id, expectedVersion, deleted ? "delete" : "restore", userId, note,
            () => ("deleted_at = @deletedAt", new DynamicParameters(new { deletedAt = deleted ? Clock.NowText() : null })), cancellationToken);

    public Task<SaveResult> SetPublishedAsync(EditBatch batch, RecordType type, long id, long expectedVersion, bool published, long? userId, string? note,
        CancellationToken cancellationToken) =>
        ChangeInAsync(batch, type, id, expectedVersion, published ? "publish" : "unpublish", userId, note,
            () => ("publication = @publication", new DynamicParameters(new { publication = published ? "published" : "draft" })), cancellationToken);

    /// <summary>An editor's approval (Review/): publishes a draft, or applies a change proposed for a published record,
    /// version-checked and under the <see cref="PublishRules"/> like any other write.</summary>
    public Task<SaveResult> ApproveAsync(EditBatch batch, RecordType type, long id, long expectedVersion, IReadOnlyDictionary<string, object?>? change,
        long? userId, string? note, CancellationToken cancellationToken) => change is null
            ? ChangeInAsync(batch, type, id, expectedVersion, "approve", userId, note,
                () => ("publication = @publication", new DynamicParameters(new { publication = "published" })), cancellationToken)
            : ChangeInAsync(batch, type, id, expectedVersion, "approve", userId, note, () => ReplaceValues(type, change), cancellationToken, change);

    /// <summary>A step of a record's review that leaves the record as it is (submitted, sent back), kept in its history.
    /// A submitted change shows as the difference it proposes.</summary>
    public static Task WriteReviewStepAsync(EditBatch batch, RecordType type, EditableRecord current, string action,
        IReadOnlyDictionary<string, object?>? change, long? userId, string? note, CancellationToken cancellationToken)
    {
        var proposed = change is null ? current : current with { Values = change };
        return WriteRevisionAsync(batch.Connection, batch.Transaction, type, action, current, proposed, userId, note, cancellationToken);
    }

    /// <summary>A record as it stands inside the batch, including the batch's own writes.</summary>
    public static Task<EditableRecord?> GetAsync(EditBatch batch, RecordType type, long id, CancellationToken cancellationToken) =>
        ReadAsync(batch.Connection, batch.Transaction, type, id, cancellationToken);

    /// <summary>Rewrites a record's child rows from its values, when the type has them and the values carry them.</summary>
    private static Task<string?> WriteChildrenAsync(IDbConnection connection, IDbTransaction transaction, RecordType type, long id,
        IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken) =>
        type.Children is { } children && values.TryGetValue(children.Field, out var text)
            ? children.WriteAsync(connection, transaction, id, text as string, cancellationToken)
            : Task.FromResult<string?>(null);

    /// <summary>Saves new values if the record is still at <paramref name="expectedVersion"/>; otherwise reports the conflict.</summary>
    public Task<SaveResult> UpdateAsync(RecordType type, long id, long expectedVersion, IReadOnlyDictionary<string, object?> values,
        long? userId, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(type, id, expectedVersion, "update", userId, note, () => ReplaceValues(type, values), cancellationToken, values);

    public Task<SaveResult> SetDeletedAsync(RecordType type, long id, long expectedVersion, bool deleted, long? userId, CancellationToken cancellationToken) =>
        ChangeAsync(type, id, expectedVersion, deleted ? "delete" : "restore", userId, null,
            () => ("deleted_at = @deletedAt", new DynamicParameters(new { deletedAt = deleted ? Clock.NowText() : null })), cancellationToken);

    public Task<SaveResult> SetPublishedAsync(RecordType type, long id, long expectedVersion, bool published, long? userId, CancellationToken cancellationToken) =>
        ChangeAsync(type, id, expectedVersion, published ? "publish" : "unpublish", userId, null,
            () => ("publication = @publication", new DynamicParameters(new { publication = published ? "published" : "draft" })), cancellationToken);

    /// <summary>Brings back the values a revision recorded, as a new revision of its own.</summary>
    public async Task<SaveResult> RestoreRevisionAsync(RecordType type, long id, long revisionId, long? userId, CancellationToken cancellationToken)
    {
        var revision = await GetRevisionAsync(revisionId, cancellationToken);
        // A submission's proposal was never the record's state: it is approved, not restored.
        if (revision is null || revision.EntityType != type.Name || revision.EntityId != id || revision.AfterJson is null || revision.Action == "submit")
        {
            return SaveResult.NotFound;
        }
        var current = await GetAsync(type, id, cancellationToken);
        if (current is null)
        {
            return SaveResult.NotFound;
        }
        var values = Snapshot.FromJson(revision.AfterJson);
        return await ChangeAsync(type, id, current.Version, "restore", userId, $"Restored the version of {revision.At[..16].Replace('T', ' ')} UTC",
            () => ReplaceValues(type, values), cancellationToken, values);
    }

    private async Task<SaveResult> ChangeAsync(RecordType type, long id, long expectedVersion, string action, long? userId, string? note,
        Func<(string Set, DynamicParameters Parameters)> change, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, object?>? values = null)
    {
        await using var batch = await BeginBatchAsync(cancellationToken);
        var result = await ChangeInAsync(batch, type, id, expectedVersion, action, userId, note, change, cancellationToken, values);
        if (result.Status == SaveStatus.Saved)
        {
            await CommitAsync(batch, cancellationToken);
        }
        return result;
    }

    /// <summary>One version-checked change inside a batch. Anything but Saved may leave part of it written:
    /// the batch must then be dropped, not committed.</summary>
    private static async Task<SaveResult> ChangeInAsync(EditBatch batch, RecordType type, long id, long expectedVersion, string action, long? userId,
        string? note, Func<(string Set, DynamicParameters Parameters)> change, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, object?>? values = null)
    {
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        var before = await ReadAsync(connection, transaction, type, id, cancellationToken);
        if (before is null)
        {
            return SaveResult.NotFound;
        }
        if (values is not null && await BrokenRuleAsync(connection, transaction, type, Editable(type, values), cancellationToken) is { } broken)
        {
            return new SaveResult(SaveStatus.Refused, id, before, broken.Message, broken.Column);
        }
        var (set, parameters) = change();
        parameters.Add("id", id);
        parameters.Add("expected", expectedVersion);
        parameters.Add("now", Clock.NowText());
        var sql = $"UPDATE {type.Table} SET {set}, version = version + 1, updated_at = @now WHERE id = @id AND version = @expected";
        var rows = await ConstraintSafeAsync(connection, () => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)));
        if (rows is null)
        {
            return new SaveResult(SaveStatus.Refused, id, before, "Another record already uses that name or reference.");
        }
        if (rows == 0)
        {
            // The version in the WHERE is the check: no row means another save came first, on any database
            // and at any isolation level, not only where BEGIN already holds the write lock.
            return new SaveResult(SaveStatus.Conflict, id, await ReadAsync(connection, transaction, type, id, cancellationToken) ?? before);
        }
        if (values is not null && await WriteChildrenAsync(connection, transaction, type, id, values, cancellationToken) is { } childRefusal)
        {
            return new SaveResult(SaveStatus.Refused, id, before, childRefusal);
        }
        var after = await ReadAsync(connection, transaction, type, id, cancellationToken);
        if (await PublishRules.CheckAsync(connection, transaction, type, before, after!, cancellationToken) is { } unsourced)
        {
            return new SaveResult(SaveStatus.Refused, id, before, unsourced);
        }
        await FinishAsync(connection, transaction, type, action, before, after!, userId, note, cancellationToken);
        batch.Changed.Add(new ChangedRecord(type, id));
        return new SaveResult(SaveStatus.Saved, id, after);
    }

    /// <summary>The type's write rule, if it has one and the values break it.</summary>
    private static Task<Refusal?> BrokenRuleAsync(IDbConnection connection, IDbTransaction transaction, RecordType type,
        IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken) =>
        type.Rule?.Invoke(connection, transaction, values, cancellationToken) ?? Task.FromResult<Refusal?>(null);

    /// <summary>Records a row inserted outside the editor (the seed) as created, so its history starts at the beginning.</summary>
    public static async Task RecordCreatedAsync(IDbConnection connection, IDbTransaction transaction, RecordType type, long id, long userId,
        string note, CancellationToken cancellationToken)
    {
        var created = await ReadAsync(connection, transaction, type, id, cancellationToken);
        await WriteRevisionAsync(connection, transaction, type, "create", null, created!, userId, note, cancellationToken);
    }

    private static async Task FinishAsync(IDbConnection connection, IDbTransaction transaction, RecordType type, string action,
        EditableRecord? before, EditableRecord after, long? userId, string? note, CancellationToken cancellationToken)
    {
        await WriteRevisionAsync(connection, transaction, type, action, before, after, userId, note, cancellationToken);
        if (type.IsSearchable)
        {
            await SearchIndex.RefreshAsync(connection, transaction, type.Name, after.Id, cancellationToken);
        }
    }

    private static async Task WriteRevisionAsync(IDbConnection connection, IDbTransaction transaction, RecordType type, string action,
        EditableRecord? before, EditableRecord after, long? userId, string? note, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO revision (entity_type, entity_id, action, user_id, at, before_json, after_json, note)
            VALUES (@entityType, @entityId, @action, @userId, @at, @before, @after, @note)
            """,
            new
            {
                entityType = type.Name, entityId = after.Id, action, userId, at = Clock.NowText(),
                before = before is null ? null : Snapshot.ToJson(State(before)), after = Snapshot.ToJson(State(after)),
                note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>What a revision records: the editable values plus publication and deletion, so history shows those too.</summary>
    private static Dictionary<string, object?> State(EditableRecord record)
    {
        var state = new Dictionary<string, object?>(record.Values);
        if (record.Publication is not null)
        {
            state["publication"] = record.Publication;
        }
        state["deleted"] = record.IsDeleted ? 1L : 0L;
        return state;
    }

    private static async Task<EditableRecord?> ReadAsync(IDbConnection connection, IDbTransaction? transaction, RecordType type, long id, CancellationToken cancellationToken)
    {
        var publication = type.HasPublication ? "publication" : "NULL AS publication";
        var sql = $"SELECT id, version, {publication}, deleted_at, {string.Join(", ", type.Columns)} FROM {type.Table} WHERE id = @id";
        var row = (IDictionary<string, object?>?)await connection.QuerySingleOrDefaultAsync(new CommandDefinition(sql, new { id }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        var values = type.Columns.ToDictionary(c => c, c => row[c]);
        if (type.Children is { } children)
        {
            values[children.Field] = await children.ReadAsync(connection, transaction, id, cancellationToken);
        }
        return new EditableRecord((long)row["id"]!, (long)row["version"]!, (string?)row["publication"], row["deleted_at"] is not null, values);
    }

    /// <summary>SET clause and parameters that replace every editable column.</summary>
    private static (string Set, DynamicParameters Parameters) ReplaceValues(RecordType type, IReadOnlyDictionary<string, object?> values) =>
        (string.Join(", ", type.Columns.Select(c => $"{c} = @{c}")), Parameters(Editable(type, values)));

    private static Dictionary<string, object?> Editable(RecordType type, IReadOnlyDictionary<string, object?> values) =>
        type.Columns.ToDictionary(c => c, c => values.GetValueOrDefault(c));

    private static DynamicParameters Parameters(IReadOnlyDictionary<string, object?> values)
    {
        var parameters = new DynamicParameters();
        foreach (var (name, value) in values)
        {
            parameters.Add(name, value);
        }
        return parameters;
    }

    /// <summary>A unique-constraint violation (a slug or reference race) becomes null, not a 500.</summary>
    private static async Task<T?> ConstraintSafeAsync<T>(IDbConnection connection, Func<Task<T>> write) where T : struct
    {
        try
        {
            return await write();
        }
        catch (DbException ex) when (SqlDialect.Of(connection).IsUniqueViolation(ex))
        {
            return null;
        }
    }

    // --- History -------------------------------------------------------------------------------

    public sealed record Revision
    {
        public long Id { get; init; }
        public string EntityType { get; init; } = "";
        public long EntityId { get; init; }
        public string Action { get; init; } = "";
        public string At { get; init; } = "";
        public string? UserName { get; init; }
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
        public string? Note { get; init; }

        public IReadOnlyList<FieldChange> Changes => Snapshot.Diff(Snapshot.FromJson(BeforeJson), Snapshot.FromJson(AfterJson));
    }

    private const string RevisionSelect = """
        SELECT rv.id, rv.entity_type, rv.entity_id, rv.action, rv.at, u.display_name AS user_name,
               rv.before_json, rv.after_json, rv.note
        FROM revision rv LEFT JOIN app_user u ON u.id = rv.user_id
        """;

    public async Task<IReadOnlyList<Revision>> HistoryAsync(RecordType type, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Revision>(new CommandDefinition(
            $"{RevisionSelect} WHERE rv.entity_type = @type AND rv.entity_id = @id ORDER BY rv.id DESC",
            new { type = type.Name, id }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<Revision>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Revision>(new CommandDefinition(
            $"{RevisionSelect} ORDER BY rv.id DESC LIMIT @count", new { count }, cancellationToken: cancellationToken))).AsList();
    }

    private async Task<Revision?> GetRevisionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Revision>(new CommandDefinition(
            $"{RevisionSelect} WHERE rv.id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
