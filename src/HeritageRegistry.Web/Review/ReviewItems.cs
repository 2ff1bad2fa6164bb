using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Review;

/// <summary>
/// The review queue as editors read it: each submission with its record's title, reference and place, and what it
/// would change: a proposed change against the published values, a draft against its last published version (or, never
/// published, all its fields). Places are named rather than numbered.
/// </summary>
public sealed class ReviewItems(Database database, RecordEditor editor, ReviewStore reviews)
{
    private static readonly HashSet<string> StateFields = ["publication", "deleted"];

    public async Task<IReadOnlyList<QueueItem>> PendingAsync(CancellationToken cancellationToken) =>
        await ItemsAsync(await reviews.PendingAsync(cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<QueueItem>> ReturnedToAsync(long userId, CancellationToken cancellationToken) =>
        await ItemsAsync(await reviews.ReturnedToAsync(userId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<QueueItem>> ItemsAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var items = new List<QueueItem>(submissions.Count);
        var places = await PlaceNamesAsync(cancellationToken);
        foreach (var submission in submissions)
        {
            if (await editor.GetAsync(submission.Type, submission.EntityId, cancellationToken) is not { } record)
            {
                continue;
            }
            var before = submission.Change is null ? await LastPublishedAsync(submission.Type, record.Id, cancellationToken) : record.Values;
            var after = submission.Change ?? record.Values;
            var changes = Snapshot.Diff(before, after).Where(c => !StateFields.Contains(c.Field))
                .Select(c => c.Field is "site_id" or "parent_id" ? c with { Before = Place(places, c.Before), After = Place(places, c.After) } : c)
                .ToList();
            var subject = await reviews.SubjectAsync(submission.Type, record, submission.Change, cancellationToken);
            var (title, reference, place) = Describe(submission.Type, record.Values, places);
            items.Add(new QueueItem(submission, title, reference, place, record.Version, subject.IsSensitive, changes));
        }
        return items;
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

    private static (string Title, string? Reference, string? Place) Describe(RecordType type, IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<long, string> places)
    {
        string? Text(string field) => values.GetValueOrDefault(field) as string;
        string? PlaceOf(string field) => values.GetValueOrDefault(field) is long id ? places.GetValueOrDefault(id) : null;
        return type.Name switch
        {
            "site" => (Text("name_en") ?? "", Text("slug"), PlaceOf("parent_id")),
            "photo" => (Text("caption") ?? $"Photo {Text("sha256")?[..12]}", null, PlaceOf("site_id")),
            _ => (Text("title") ?? "", Text("reference"), PlaceOf("site_id")),
        };
    }

    private static string? Place(IReadOnlyDictionary<long, string> places, string? id) =>
        long.TryParse(id, out var key) && places.TryGetValue(key, out var name) ? name : id;

    private async Task<IReadOnlyDictionary<long, string>> PlaceNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name_en FROM site", cancellationToken: cancellationToken))).ToDictionary(row => row.Id, row => row.Name);
    }
}
