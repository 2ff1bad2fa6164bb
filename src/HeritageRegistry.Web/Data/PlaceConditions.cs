using System.Data;
using Dapper;

namespace HeritageRegistry.Data;

/// <summary>
/// The <see cref="PlaceCondition"/> of every place, derived from the whole record at once and kept until the
/// record changes. A condition depends on every report of a place and of every place within it, so
/// deriving it per page walked the whole tree on every request (most of a place page's cost). The copy is
/// tied to the database by <see cref="SearchIndex.GenerationAsync"/>, which every committed edit moves in
/// its own transaction, so a page never shows a condition older than the last save, whichever process
/// (or web node) made it.
/// </summary>
public sealed class PlaceConditions(Database database) : IDisposable
{
    /// <summary>The conditions as of one generation of the record, by place slug.</summary>
    public sealed class Snapshot(long generation, IReadOnlyDictionary<string, PlaceCondition> bySlug)
    {
        public long Generation { get; } = generation;

        public PlaceCondition Of(string slug) => bySlug.GetValueOrDefault(slug, PlaceCondition.None);
    }

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    public async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CurrentAsync(connection, cancellationToken);
    }

    /// <summary>The conditions as current as the database behind <paramref name="connection"/>.</summary>
    public async Task<Snapshot> CurrentAsync(IDbConnection connection, CancellationToken cancellationToken) =>
        await AtAsync(connection, await SearchIndex.GenerationAsync(connection, null, cancellationToken), cancellationToken);

    /// <summary>
    /// The conditions at <paramref name="generation"/>, which the caller read with its own statements (in the same
    /// round trip as a page's, <see cref="SearchIndex.GenerationSql"/>); derived again over <paramref name="connection"/>
    /// only when the record has changed since the copy held here.
    /// </summary>
    public async Task<Snapshot> AtAsync(IDbConnection connection, long generation, CancellationToken cancellationToken)
    {
        if (_current is { } current && current.Generation == generation)
        {
            return current;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } loaded || loaded.Generation != generation)
            {
                _current = loaded = new Snapshot(generation, await DeriveAsync(connection, cancellationToken));
            }
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    // Every place (a draft place previewed by a curator shows its condition too), and each place's two
    // latest published assessments: the latest sets its condition, the one before is what a restoration repaired.
    private static readonly string Sql = $"""
        SELECT s.id, s.parent_id, s.slug, CASE WHEN {PublicSql.Site("s")} THEN 1 ELSE 0 END AS is_public
        FROM site s;

        SELECT a.site_id, a.kind, a.severity, a.event_date
        FROM (SELECT r.site_id, r.kind, r.severity, r.event_date,
                     ROW_NUMBER() OVER (PARTITION BY r.site_id
                                        ORDER BY r.event_latest DESC, r.event_earliest DESC, r.id DESC) AS n
              FROM damage_report r
              -- The report's own state is enough: a place's condition is only shown where the place is.
              WHERE ((r.kind = 'damage' AND r.severity IS NOT NULL) OR r.kind = 'restoration') AND {PublicSql.Visible("r")}) a
        WHERE a.n <= 2
        ORDER BY a.site_id, a.n;
        """;

    private sealed record Place
    {
        public long Id { get; init; }
        public long? ParentId { get; init; }
        public string Slug { get; init; } = "";
        public long IsPublic { get; init; }
    }

    private sealed record Assessment
    {
        public long SiteId { get; init; }
        public string Kind { get; init; } = "";
        public string? Severity { get; init; }
        public string EventDate { get; init; } = "";
    }

    private static async Task<Dictionary<string, PlaceCondition>> DeriveAsync(IDbConnection connection, CancellationToken cancellationToken)
    {
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        var places = (await results.ReadAsync<Place>()).AsList();
        var own = (await results.ReadAsync<Assessment>()).GroupBy(a => a.SiteId).ToDictionary(g => g.Key, g => Own([.. g]));

        var publicChildren = places.Where(p => p.IsPublic != 0 && p.ParentId is not null).ToLookup(p => p.ParentId!.Value);
        var conditions = new Dictionary<string, PlaceCondition>(places.Count, StringComparer.Ordinal);
        foreach (var place in places)
        {
            var parts = PartsOf(place.Id, publicChildren);
            var condition = own.GetValueOrDefault(place.Id, PlaceCondition.None);
            conditions[place.Slug] = parts.Count == 0 ? condition : condition with
            {
                Parts = parts.GroupBy(part => State(own.GetValueOrDefault(part, PlaceCondition.None)))
                    .ToDictionary(g => g.Key, g => g.Count()),
            };
        }
        return conditions;
    }

    /// <summary>A place's own condition from its latest assessment (and, for a restoration, the damage before it).</summary>
    private static PlaceCondition Own(IReadOnlyList<Assessment> latestFirst)
    {
        var latest = latestFirst[0];
        if (latest.Kind != "restoration")
        {
            return new PlaceCondition { Severity = latest.Severity };
        }
        var before = latestFirst.Count > 1 && latestFirst[1].Kind == "damage" ? latestFirst[1] : null;
        return new PlaceCondition
        {
            Severity = latest.Severity, RestoredOn = latest.EventDate, Before = before?.Severity, BeforeOn = before?.EventDate,
        };
    }

    private static string State(PlaceCondition own) =>
        own.Severity ?? (own.RestoredOn is null ? PlaceCondition.NotAssessed : PlaceCondition.Restored);

    /// <summary>The public places within <paramref name="root"/> at every depth, each once; a cycle of parents ends.</summary>
    private static HashSet<long> PartsOf(long root, ILookup<long, Place> publicChildren)
    {
        var found = new HashSet<long>();
        var pending = new Stack<long>([root]);
        while (pending.TryPop(out var id))
        {
            foreach (var child in publicChildren[id])
            {
                if (found.Add(child.Id))
                {
                    pending.Push(child.Id);
                }
            }
        }
        return found;
    }
}
