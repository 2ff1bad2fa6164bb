using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Display;

/// <summary>
/// Revisions and proposed changes as curators read them (history, the desk, the review queue): a record by its name,
/// a field that points at another record by that record's name, and a vocabulary code by its label in the page's
/// language, never a row id or a stored code.
/// </summary>
public sealed class RevisionText(IReadOnlyDictionary<RecordKey, string> names)
{
    /// <summary>Columns holding another record's id, and that record's type.</summary>
    private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal)
    {
        ["site_id"] = "site", ["parent_id"] = "site", ["report_id"] = "report", ["source_id"] = "source", ["photo_id"] = "photo",
    };

    /// <summary>Reads the names these revisions need: of the records they are about, of the records their fields point at,
    /// and of any <paramref name="others"/>.</summary>
    public static Task<RevisionText> ForAsync(RecordNames recordNames, IReadOnlyList<RecordEditor.Revision> revisions, CancellationToken cancellationToken,
        params RecordKey[] others) =>
        ForAsync(recordNames, revisions.SelectMany(revision => revision.Changes),
            [.. others, .. revisions.Select(revision => new RecordKey(revision.EntityType, revision.EntityId))], cancellationToken);

    /// <summary>Reads the names these field changes need (of the records their fields point at), and of <paramref name="records"/>.</summary>
    public static async Task<RevisionText> ForAsync(RecordNames recordNames, IEnumerable<FieldChange> changes, IEnumerable<RecordKey> records,
        CancellationToken cancellationToken) =>
        new(await recordNames.NamesAsync(records.Concat(changes.SelectMany(Targets)), cancellationToken));

    /// <summary>The records a field change points at, if its field holds another record's id.</summary>
    private static IEnumerable<RecordKey> Targets(FieldChange change) =>
        References.TryGetValue(change.Field, out var type)
            ? new[] { change.Before, change.After }.Select(Id).OfType<long>().Select(id => new RecordKey(type, id))
            : [];

    /// <summary>A record's name, or its type and id when it no longer exists.</summary>
    public string Name(string type, long id) => names.GetValueOrDefault(new RecordKey(type, id)) ?? $"{type} {id}";

    /// <summary>A field's value in a record of <paramref name="type"/>, as a person reads it.</summary>
    public string? Value(string type, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (References.TryGetValue(field, out var target) && Id(value) is { } id)
        {
            return Name(target, id);
        }
        return Terms(type, field) is { } terms ? terms.Label(value) : value;
    }

    /// <summary>The vocabulary a column's codes come from.</summary>
    private static TermList? Terms(string type, string field) => field switch
    {
        "kind" => type switch { "site" => Vocab.SiteKinds, "report" => Vocab.ReportKinds, "source" => Vocab.SourceKinds, _ => null },
        "cause" => Vocab.Causes,
        "effect" => Vocab.Effects,
        "severity" => Vocab.Severities,
        "extent" => Vocab.Extents,
        "certainty" => Vocab.Certainties,
        "verification" => Vocab.Verifications,
        "method" => Vocab.Methods,
        "phase" => Vocab.PhotoPhases,
        "licence" => Vocab.Licences,
        "publication" => Vocab.PublicationStates,
        _ => null,
    };

    private static long? Id(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
