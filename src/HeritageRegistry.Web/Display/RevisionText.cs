using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Display;

/// <summary>
/// Revisions as curators read them: a record by its name, a field that points at another record by that record's
/// name, and a vocabulary code by its label in the page's language, never a row id or a stored code.
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
    public static async Task<RevisionText> ForAsync(RecordNames recordNames, IEnumerable<RecordEditor.Revision> revisions, CancellationToken cancellationToken,
        params RecordKey[] others)
    {
        var records = new List<RecordKey>(others);
        foreach (var revision in revisions)
        {
            records.Add(new RecordKey(revision.EntityType, revision.EntityId));
            foreach (var change in revision.Changes)
            {
                if (References.TryGetValue(change.Field, out var type))
                {
                    records.AddRange(new[] { change.Before, change.After }.Select(Id).OfType<long>().Select(id => new RecordKey(type, id)));
                }
            }
        }
        return new RevisionText(await recordNames.NamesAsync(records, cancellationToken));
    }

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
