using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Display;

namespace HeritageRegistry.Review;

/// <summary>
/// The review queue as editors read it: each submission with its record's title, reference and place, and what it
/// would change: a proposed change against the published values, a draft against its last published version (or, never
/// published, all its fields). Records are named, and values read, the way the history reads them (<see cref="RevisionText"/>).
/// </summary>
public sealed class ReviewItems(RecordNames names, RecordEditor editor, ReviewStore reviews)
{
    private static readonly HashSet<string> StateFields = ["publication", "deleted"];

    public Task<ReviewListing> PendingAsync(CancellationToken cancellationToken) =>
        ListAsync(reviews.PendingAsync(cancellationToken), cancellationToken);

    public Task<ReviewListing> ReturnedToAsync(long userId, CancellationToken cancellationToken) =>
        ListAsync(reviews.ReturnedToAsync(userId, cancellationToken), cancellationToken);

    private async Task<ReviewListing> ListAsync(Task<IReadOnlyList<Submission>> submissions, CancellationToken cancellationToken)
    {
        var pending = new List<(Submission Submission, EditableRecord Record, IReadOnlyList<FieldChange> Changes, bool IsSensitive)>();
        foreach (var submission in await submissions)
        {
            if (await editor.GetAsync(submission.Type, submission.EntityId, cancellationToken) is not { } record)
            {
                continue;
            }
            var before = submission.Change is null ? await LastPublishedAsync(submission.Type, record.Id, cancellationToken) : record.Values;
            var after = submission.Change ?? record.Values;
            var changes = Snapshot.Diff(before, after).Where(c => !StateFields.Contains(c.Field)).ToList();
            var subject = await reviews.SubjectAsync(submission.Type, record, submission.Change, cancellationToken);
            pending.Add((submission, record, changes, subject.IsSensitive));
        }
        var places = pending.Select(p => PlaceId(p.Submission.Type, p.Record.Values)).OfType<long>().Select(id => new RecordKey("site", id));
        var text = await RevisionText.ForAsync(names, pending.SelectMany(p => p.Changes), places, cancellationToken);
        var items = pending.Select(p =>
        {
            var (title, reference) = Describe(p.Submission.Type, p.Record.Values);
            var place = PlaceId(p.Submission.Type, p.Record.Values) is { } id ? text.Name("site", id) : null;
            return new QueueItem(p.Submission, title, reference, place, p.Record.Version, p.IsSensitive, p.Changes);
        }).ToList();
        return new ReviewListing(items, text);
    }

    /// <summary>The record's values as last published, or none if it never was.</summary>
    private async Task<IReadOnlyDictionary<string, object?>> LastPublishedAsync(RecordType type, long id, CancellationToken cancellationToken)
    {
        var published = (await editor.HistoryAsync(type, id, cancellationToken))
            .Where(revision => revision.Action != "submit")
            .Select(revision => Snapshot.FromJson(revision.AfterJson))
            .FirstOrDefault(state => state.GetValueOrDefault("publication") as string == "published" && state.GetValueOrDefault("deleted") is 0L);
        return published ?? [];
    }

    private static (string Title, string? Reference) Describe(RecordType type, IReadOnlyDictionary<string, object?> values)
    {
        string? Text(string field) => values.GetValueOrDefault(field) as string;
        return type.Name switch
        {
            "site" => (Text("name_en") ?? "", Text("slug")),
            "photo" => (Text("caption") ?? $"Photo {Text("sha256")?[..12]}", null),
            _ => (Text("title") ?? "", Text("reference")),
        };
    }

    /// <summary>The place a record hangs on: a site's parent, any other record's site.</summary>
    private static long? PlaceId(RecordType type, IReadOnlyDictionary<string, object?> values) =>
        values.GetValueOrDefault(type.Name == "site" ? "parent_id" : "site_id") as long?;
}
