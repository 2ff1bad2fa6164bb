using HeritageRegistry.Data.Editing;
using HeritageRegistry.Display;

namespace HeritageRegistry.Review;

/// <summary>One submission for review (a row of the review table), with the names people see.</summary>
public sealed record Submission
{
    public const int MaxComment = 2000;

    public long Id { get; init; }
    public string EntityType { get; init; } = "";
    public long EntityId { get; init; }
    public long BaseVersion { get; init; }
    public string? ChangeJson { get; init; }
    public string State { get; init; } = "";
    public long? SubmittedBy { get; init; }
    public string? SubmitterName { get; init; }
    public string SubmittedAt { get; init; } = "";
    public string? Comment { get; init; }
    public string? DeciderName { get; init; }
    public string? DecidedAt { get; init; }
    public string? DecisionComment { get; init; }

    public string SubmittedWhen => When(SubmittedAt);
    public string DecidedWhen => When(DecidedAt);

    public bool IsPending => State == "pending";
    public bool IsReturned => State == "returned";

    /// <summary>The values proposed for a published record; null when the submission is a draft itself.</summary>
    public Dictionary<string, object?>? Change => ChangeJson is null ? null : Snapshot.FromJson(ChangeJson);

    public RecordType Type => RecordType.Find(EntityType)!;

    private static string When(string? at) => at is { Length: >= 16 } ? $"{at[..16].Replace('T', ' ')} UTC" : at ?? "";
}

/// <summary>A submission as the review queue lists it: what record, of which place, and what would change.</summary>
public sealed record QueueItem(Submission Submission, string Title, string? Reference, string? Place, long Version,
    bool IsSensitive, IReadOnlyList<FieldChange> Changes)
{
    public string EditPath => $"/curate/{Submission.EntityType}s/edit/{Submission.EntityId}";
}

/// <summary>Submissions as the queue lists them, and the names and labels their changes are read with.</summary>
public sealed record ReviewListing(IReadOnlyList<QueueItem> Items, RevisionText Text);

/// <summary>A record's review as its edit page shows it: its latest submission, and whether the signed-in user may publish
/// it as it is (<see cref="PublishRefusal"/>) or publish their own change to it (<see cref="ChangeRefusal"/>); null where they may.</summary>
public sealed record RecordReview(Submission? Latest, string? PublishRefusal, string? ChangeRefusal)
{
    public static RecordReview None { get; } = new(null, null, null);

    public bool IsPending => Latest is { IsPending: true };

    /// <summary>The proposal its author's form shows in place of the published values: their change waiting for review, or
    /// sent back to be mended (while the record is still the version it was made against).</summary>
    public Dictionary<string, object?>? OpenChange(EditableRecord record, long? userId) =>
        Latest is { State: "pending" or "returned", Change: { } change } latest && latest.BaseVersion == record.Version
            && latest.SubmittedBy == userId ? change : null;
}
