using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Data;

/// <summary>
/// What a place's condition says, as every output shows it (pages, API, GeoJSON, map). <see cref="PlaceConditions"/>
/// derives it; Methodology.cshtml explains the same rule to readers:
/// <list type="bullet">
/// <item>A place's own condition comes from its latest published <em>assessment</em>: a damage report that
/// states a severity, or a restoration, which states the condition it left the place in (or nothing, when
/// no source says) from its date on. Context events (kind 'event') never set it.</item>
/// <item>A place with published places within it shows a summary of their own conditions (every depth)
/// instead: one report about a corner of Palmyra says nothing of Palmyra as a whole.</item>
/// </list>
/// </summary>
public sealed record PlaceCondition
{
    /// <summary>Bucket of a part whose latest assessment is a restoration that states no condition after it.</summary>
    public const string Restored = "restored";

    /// <summary>Bucket of a part that has no published assessment.</summary>
    public const string NotAssessed = "none";

    public static readonly PlaceCondition None = new();

    /// <summary>Severity code of the place's latest assessment (for a restoration, the condition after it); null when none states one.</summary>
    public string? Severity { get; init; }

    /// <summary>EDTF date of the restoration, when the latest assessment is one.</summary>
    public string? RestoredOn { get; init; }

    /// <summary>The severity the restoration followed, and when (the damage it repaired), if on record.</summary>
    public string? Before { get; init; }

    public string? BeforeOn { get; init; }

    /// <summary>For a place with published places within it: how many are in each state (a severity code,
    /// <see cref="Restored"/> or <see cref="NotAssessed"/>); null for a place without parts.</summary>
    public IReadOnlyDictionary<string, int>? Parts { get; init; }

    public bool HasParts => Parts is not null;

    /// <summary>The parts' states with their counts, darkest first, as the summary reads.</summary>
    public IEnumerable<(string State, int Count)> PartsInOrder =>
        Parts is null ? [] : States.Where(Parts.ContainsKey).Select(state => (state, Parts[state]));

    /// <summary>The one state a map marker is coloured by: the place's own (<see cref="Restored"/> for a restoration
    /// that states no condition after it), or for a place with parts the worst of theirs; null when not assessed.</summary>
    public string? Colour => Parts is null
        ? Severity ?? (RestoredOn is null ? null : Restored)
        : States.FirstOrDefault(state => state != NotAssessed && Parts.ContainsKey(state));

    private static readonly string[] States = [.. Vocab.Severities.Select(t => t.Code), Restored, NotAssessed];
}
