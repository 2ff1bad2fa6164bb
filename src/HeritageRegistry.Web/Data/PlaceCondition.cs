using System.Data;
using System.Text.Json;
using Dapper;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Data;

/// <summary>
/// What a place's condition says, as every output shows it (pages, API, GeoJSON, map). Methodology.cshtml
/// explains the same rule to readers:
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

    /// <summary>
    /// CTEs ending in <c>condition</c>(site_id, condition), one row per site, the condition as JSON that
    /// <see cref="PlaceConditionHandler"/> reads back into a <see cref="PlaceCondition"/>. Start the query with
    /// <c>WITH RECURSIVE</c>: the parts are found by walking down the tree. Only the JSON functions differ by database.
    /// </summary>
    public static string Cte(SqlDialect dialect) => $"""
        assessment AS (
            SELECT r.site_id, r.kind, r.severity, r.event_date,
                   ROW_NUMBER() OVER (PARTITION BY r.site_id
                                      ORDER BY r.event_latest DESC, r.event_earliest DESC, r.id DESC) AS n
            FROM damage_report r
            -- The report's own state is enough: every use joins the result to places already found public.
            WHERE ((r.kind = 'damage' AND r.severity IS NOT NULL) OR r.kind = 'restoration') AND {PublicSql.Visible("r")}
        ),
        own AS (
            SELECT a.site_id, a.severity, CASE WHEN a.kind = 'restoration' THEN a.event_date END AS restored_on,
                   b.severity AS before, b.event_date AS before_on
            FROM assessment a
            LEFT JOIN assessment b ON a.kind = 'restoration' AND b.site_id = a.site_id AND b.n = 2 AND b.kind = 'damage'
            WHERE a.n = 1
        ),
        part (root_id, site_id) AS (
            SELECT c.parent_id, c.id FROM site c WHERE c.parent_id IS NOT NULL AND {PublicSql.Site("c")}
            UNION -- not ALL: a cycle of parents ends instead of looping
            SELECT p.root_id, c.id FROM part p JOIN site c ON c.parent_id = p.site_id WHERE {PublicSql.Site("c")}
        ),
        part_state AS (
            SELECT p.root_id,
                   COALESCE(o.severity, CASE WHEN o.restored_on IS NOT NULL THEN '{Restored}' END, '{NotAssessed}') AS state,
                   COUNT(*) AS n
            FROM part p
            LEFT JOIN own o ON o.site_id = p.site_id
            GROUP BY p.root_id, state
        ),
        parts AS (
            SELECT root_id, {dialect.JsonGroupObject}(state, n) AS counts FROM part_state GROUP BY root_id
        ),
        condition AS (
            SELECT s.id AS site_id,
                   {dialect.JsonObject}('severity', o.severity, 'restoredOn', o.restored_on, 'before', o.before,
                               'beforeOn', o.before_on, 'parts', {dialect.Json("p.counts")}) AS condition
            FROM site s
            LEFT JOIN own o ON o.site_id = s.id
            LEFT JOIN parts p ON p.root_id = s.id
        )
        """;
}

/// <summary>Reads the <c>condition</c> column into read models' <see cref="PlaceCondition"/> properties; registered once in <see cref="Database"/>.</summary>
internal sealed class PlaceConditionHandler : SqlMapper.TypeHandler<PlaceCondition>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override PlaceCondition Parse(object value) =>
        value is string json ? JsonSerializer.Deserialize<PlaceCondition>(json, Json) ?? PlaceCondition.None : PlaceCondition.None;

    public override void SetValue(IDbDataParameter parameter, PlaceCondition? value) =>
        throw new NotSupportedException("A place's condition is derived from its reports, never written.");
}
