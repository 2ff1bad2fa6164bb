using System.Data;
using System.Data.Common;
using System.Security.Claims;
using Dapper;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Review;

/// <summary>
/// Review before publishing. A draft is submitted as it stands; a change to a published record is kept as a proposal
/// beside the record (review.change_json) while the public keeps seeing the record's own values, and an editor's approval
/// applies it as an ordinary version-checked revision (<see cref="RecordEditor.ApproveAsync"/>) against the version it was
/// proposed for. Every step writes a revision, so the record's history tells the review too. Who may publish is
/// <see cref="PublishRight"/>, checked here inside each write's transaction.
/// </summary>
public sealed class ReviewStore(Database database, RecordEditor editor)
{
    private const string SubmissionSelect = """
        SELECT rv.id, rv.entity_type, rv.entity_id, rv.base_version, rv.change_json, rv.state, rv.submitted_by,
               su.display_name AS submitter_name, rv.submitted_at, rv.comment, du.display_name AS decider_name, rv.decided_at, rv.decision_comment
        FROM review rv LEFT JOIN app_user su ON su.id = rv.submitted_by LEFT JOIN app_user du ON du.id = rv.decided_by
        """;

    public async Task<ReviewSubject> SubjectAsync(RecordType type, EditableRecord record, IReadOnlyDictionary<string, object?>? change,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SubjectAsync(connection, null, type, record, change, cancellationToken);
    }

    /// <summary>The record's review for its edit page, as <paramref name="user"/> may act on it.</summary>
    public async Task<RecordReview> ForRecordAsync(RecordType type, EditableRecord record, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!type.HasPublication)
        {
            return RecordReview.None;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var latest = await connection.QueryFirstOrDefaultAsync<Submission>(new CommandDefinition(
            $"{SubmissionSelect} WHERE rv.entity_type = @type AND rv.entity_id = @id ORDER BY rv.id DESC LIMIT 1",
            new { type = type.Name, id = record.Id }, cancellationToken: cancellationToken));
        var subject = await SubjectAsync(connection, null, type, record, null, cancellationToken);
        return new RecordReview(latest, PublishRight.Refusal(user, subject), PublishRight.Refusal(user, subject.WithAuthor(user.UserId())));
    }

    /// <summary>Submits a draft as it stands (<paramref name="change"/> null), or a change to a published record, made against
    /// <paramref name="version"/>. A change replaces its author's own still waiting, so a proposal can be mended before it is decided.</summary>
    public async Task<SaveResult> SubmitAsync(RecordType type, long id, long version, IReadOnlyDictionary<string, object?>? change, long? userId,
        string? comment, CancellationToken cancellationToken)
    {
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        if (!type.HasPublication || await RecordEditor.GetAsync(batch, type, id, cancellationToken) is not { } record)
        {
            return SaveResult.NotFound;
        }
        if (record.Version != version)
        {
            return new SaveResult(SaveStatus.Conflict, id, record);
        }
        var isPublished = record.Publication == "published";
        if (record.IsDeleted || isPublished != change is not null)
        {
            return Refused(id, record.IsDeleted ? "A deleted record cannot be submitted. Restore it first." : "This record is already published.");
        }
        var waiting = await batch.Connection.QuerySingleOrDefaultAsync<Submission>(new CommandDefinition(
            $"{SubmissionSelect} WHERE rv.entity_type = @type AND rv.entity_id = @id AND rv.state = 'pending'",
            new { type = type.Name, id }, batch.Transaction, cancellationToken: cancellationToken));
        if (waiting is not null && (change is null || waiting.SubmittedBy != userId))
        {
            // Its author may mend a waiting change; anyone else would silently replace it, so they wait for the decision.
            return Refused(id, change is null ? "This draft is already waiting for review."
                : $"A change by {waiting.SubmitterName} is waiting for review. Wait for an editor's decision, then make yours.");
        }
        var pending = waiting?.Id;
        var row = new
        {
            pending, type = type.Name, id, version, change = change is null ? null : Snapshot.ToJson(change), userId,
            now = Clock.NowText(), comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
        var sql = pending is null
            ? """
              INSERT INTO review (entity_type, entity_id, base_version, change_json, state, submitted_by, submitted_at, comment)
              VALUES (@type, @id, @version, @change, 'pending', @userId, @now, @comment)
              """
            : """
              UPDATE review SET base_version = @version, change_json = @change, submitted_by = @userId, submitted_at = @now, comment = @comment
              WHERE id = @pending AND state = 'pending'
              """;
        try
        {
            if (await batch.Connection.ExecuteAsync(new CommandDefinition(sql, row, batch.Transaction, cancellationToken: cancellationToken)) == 0)
            {
                return Refused(id, "An editor decided on the waiting change meanwhile. Reload the page and try again.");
            }
        }
        catch (DbException ex) when (SqlDialect.Of(batch.Connection).IsUniqueViolation(ex))
        {
            return Refused(id, "This record was submitted for review by someone else a moment ago.");
        }
        await RecordEditor.WriteReviewStepAsync(batch, type, record, "submit", change, userId, row.comment, cancellationToken);
        await editor.CommitAsync(batch, cancellationToken);
        return new SaveResult(SaveStatus.Saved, id, record);
    }

    /// <summary>Publishes a draft directly, as an editor may (closing a submission of it that was waiting).</summary>
    public async Task<SaveResult> PublishAsync(RecordType type, long id, long version, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        if (await RecordEditor.GetAsync(batch, type, id, cancellationToken) is not { } record)
        {
            return SaveResult.NotFound;
        }
        if (PublishRight.Refusal(user, await SubjectAsync(batch.Connection, batch.Transaction, type, record, null, cancellationToken)) is { } refusal)
        {
            return new SaveResult(SaveStatus.Forbidden, id, record, refusal);
        }
        await DecideAsync(batch, "approved", type.Name, id, null, user.UserId(), null, cancellationToken);
        var result = await editor.SetPublishedAsync(batch, type, id, version, true, user.UserId(), null, cancellationToken);
        if (result.Status == SaveStatus.Saved)
        {
            await editor.CommitAsync(batch, cancellationToken);
        }
        return result;
    }

    /// <summary>Publishes what a submission proposes, if <paramref name="user"/> may and the record is still at the
    /// <paramref name="version"/> the editor reviewed.</summary>
    public async Task<SaveResult> ApproveAsync(long submissionId, long version, ClaimsPrincipal user, string? comment, CancellationToken cancellationToken)
    {
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        if (await FindAsync(batch, submissionId, cancellationToken) is not { } submission
            || await RecordEditor.GetAsync(batch, submission.Type, submission.EntityId, cancellationToken) is not { } record)
        {
            return SaveResult.NotFound;
        }
        var change = submission.Change;
        if (PublishRight.Refusal(user, await SubjectAsync(batch.Connection, batch.Transaction, submission.Type, record, change, cancellationToken)) is { } refusal)
        {
            return new SaveResult(SaveStatus.Forbidden, record.Id, record, refusal);
        }
        // The decision is written first: of two editors deciding at once, the second finds it decided (on PostgreSQL it
        // waits for the first's row lock and then reads the committed state).
        if (!await DecideAsync(batch, "approved", submission.EntityType, submission.EntityId, submissionId, user.UserId(), comment, cancellationToken))
        {
            return AlreadyDecided(record);
        }
        if (change is not null && submission.BaseVersion != version)
        {
            return new SaveResult(SaveStatus.Conflict, record.Id, record,
                "The record changed after this change was proposed. Send it back so that it can be made again on the current version.");
        }
        var result = await editor.ApproveAsync(batch, submission.Type, record.Id, version, change, user.UserId(), Trimmed(comment), cancellationToken);
        if (result.Status == SaveStatus.Saved)
        {
            await editor.CommitAsync(batch, cancellationToken);
        }
        return result.Status == SaveStatus.Conflict
            ? result with { Message = "The record changed after this page was loaded. Look at the queue again." }
            : result;
    }

    /// <summary>Sends a submission back to its author with the editor's comment; the record stays as it is.</summary>
    public async Task<SaveResult> ReturnAsync(long submissionId, long? userId, string comment, CancellationToken cancellationToken)
    {
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        if (await FindAsync(batch, submissionId, cancellationToken) is not { } submission
            || await RecordEditor.GetAsync(batch, submission.Type, submission.EntityId, cancellationToken) is not { } record)
        {
            return SaveResult.NotFound;
        }
        if (!await DecideAsync(batch, "returned", submission.EntityType, submission.EntityId, submissionId, userId, comment, cancellationToken))
        {
            return AlreadyDecided(record);
        }
        await RecordEditor.WriteReviewStepAsync(batch, submission.Type, record, "return", null, userId, Trimmed(comment), cancellationToken);
        await editor.CommitAsync(batch, cancellationToken);
        return new SaveResult(SaveStatus.Saved, record.Id, record);
    }

    /// <summary>Every submission waiting for an editor, oldest first.</summary>
    public async Task<IReadOnlyList<Submission>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Submission>(new CommandDefinition(
            $"{SubmissionSelect} WHERE rv.state = 'pending' ORDER BY rv.submitted_at, rv.id", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The user's submissions sent back to them, where nothing was submitted since.</summary>
    public async Task<IReadOnlyList<Submission>> ReturnedToAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Submission>(new CommandDefinition($"""
            {SubmissionSelect}
            WHERE rv.state = 'returned' AND rv.submitted_by = @userId
              AND NOT EXISTS (SELECT 1 FROM review later WHERE later.entity_type = rv.entity_type AND later.entity_id = rv.entity_id AND later.id > rv.id)
            ORDER BY rv.decided_at DESC LIMIT 50
            """, new { userId }, cancellationToken: cancellationToken))).AsList();
    }

    private static Task<Submission?> FindAsync(EditBatch batch, long id, CancellationToken cancellationToken) =>
        batch.Connection.QuerySingleOrDefaultAsync<Submission>(new CommandDefinition(
            $"{SubmissionSelect} WHERE rv.id = @id", new { id }, batch.Transaction, cancellationToken: cancellationToken));

    /// <summary>Closes the pending submission (the one given, or the record's when null); false when it was not pending.</summary>
    private static async Task<bool> DecideAsync(EditBatch batch, string state, string type, long id, long? submissionId, long? userId, string? comment,
        CancellationToken cancellationToken) =>
        await batch.Connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE review SET state = @state, decided_by = @userId, decided_at = @now, decision_comment = @comment
            WHERE entity_type = @type AND entity_id = @id AND state = 'pending'{(submissionId is null ? "" : " AND id = @submissionId")}
            """, new { state, type, id, submissionId, userId, now = Clock.NowText(), comment = Trimmed(comment) },
            batch.Transaction, cancellationToken: cancellationToken)) > 0;

    private static async Task<ReviewSubject> SubjectAsync(IDbConnection connection, IDbTransaction? transaction, RecordType type, EditableRecord record,
        IReadOnlyDictionary<string, object?>? change, CancellationToken cancellationToken)
    {
        // A place is sensitive by its own flag as it stands (as it is generalised on the map): flagging it protects it and is not
        // held back, unflagging it is. A report or photo is sensitive by its place's flag, before or after the change.
        var flagged = type == RecordType.Site && IsSet(record.Values["is_sensitive"]);
        var sites = type.Columns.Contains("site_id")
            ? new[] { record.Values["site_id"], change?.GetValueOrDefault("site_id") }.OfType<long>().Distinct().ToList()
            : [];
        var sensitive = flagged || (sites.Count > 0 && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM site WHERE {SqlDialect.Of(connection).InList("id", "@sites")} AND is_sensitive = 1",
            new { sites }, transaction, cancellationToken: cancellationToken)) > 0);
        var authors = await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT user_id FROM (SELECT user_id FROM revision
                                 WHERE entity_type = @type AND entity_id = @id AND action IN ('create', 'update', 'restore') AND user_id IS NOT NULL
                                 ORDER BY id DESC LIMIT 1) last_change
            UNION
            SELECT submitted_by FROM review WHERE entity_type = @type AND entity_id = @id AND state = 'pending' AND submitted_by IS NOT NULL
            """, new { type = type.Name, id = record.Id }, transaction, cancellationToken: cancellationToken));
        return new ReviewSubject(sensitive, authors.ToHashSet());
    }

    private static bool IsSet(object? flag) => flag is long value && value != 0;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SaveResult Refused(long id, string message) => new(SaveStatus.Refused, id, Message: message);

    private static SaveResult AlreadyDecided(EditableRecord record) =>
        new(SaveStatus.Conflict, record.Id, record, "Another editor decided on this submission first. Look at the queue again.");
}
