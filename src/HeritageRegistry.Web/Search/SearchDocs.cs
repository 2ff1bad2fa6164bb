using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Vocabulary;
using Dapper;
using System.Data;
using System.Data.Common;

namespace HeritageRegistry.Search;

/// <summary>A public place as the search's place filter and facet need it.</summary>
public sealed record SearchPlace
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? NameAr { get; init; }
    public long? ParentId { get; init; }

    /// <summary>Its other names, one a line.</summary>
    public string? OtherNames { get; init; }

    /// <summary>Every name it goes by: English, Arabic, then the others.</summary>
    public IEnumerable<string> AllNames() =>
        new[] { NameEn, NameAr }.Concat(OtherNames?.Split('\n') ?? []).Where(name => !string.IsNullOrWhiteSpace(name))!;
}

/// <summary>
/// The filter values of every indexed record (type, place, kinds, vocabulary terms, dates, whether
/// the public may see it), held in memory as small numbers, like a search engine's doc values. A
/// search takes the matching rows from FTS5 and filters, counts every facet and orders them here:
/// joining 200,000 matches back to their tables row by row costs SQLite far more than the whole
/// count costs in memory (about 24 bytes per record).
/// The copy is tied to the database by <see cref="SearchIndex.GenerationAsync"/>: the editor hands
/// over each record it changed, and any other change (another process, a rebuild) means a full reload.
/// </summary>
public sealed class SearchDocs(Database database) : IRecordsChangedListener, IDisposable
{
    /// <summary>One record's filter values. Term codes are stored as their rank in their list + 1; 0 is none.
    /// Dates are yyyymmdd numbers (0 = none), month or year precision padded with zeros.</summary>
    public readonly record struct Doc(bool Visible, int SiteId, byte ReportKind, byte SiteKind, byte Cause, byte Effect, byte Severity,
        byte Certainty, byte Verification, byte SourceKind, int Earliest, int Latest, int SortDate);

    /// <summary>What a search reads: the doc values by SearchIndex.Types position then record id, and the public places and their names.</summary>
    public sealed class Snapshot(long generation, Doc[][] byType, IReadOnlyList<SearchPlace> places, PlaceNames names)
    {
        public long Generation { get; internal set; } = generation;
        public Doc[][] ByType { get; } = byType;
        public IReadOnlyList<SearchPlace> Places { get; internal set; } = places;
        public PlaceNames Names { get; internal set; } = names;
    }

    private readonly ReaderWriterLockSlim _guard = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>Runs <paramref name="read"/> over a copy as current as the database behind <paramref name="connection"/>.</summary>
    public async Task<T> ReadAsync<T>(DbConnection connection, Func<Snapshot, T> read, CancellationToken cancellationToken)
    {
        while (true)
        {
            var generation = await SearchIndex.GenerationAsync(connection, null, cancellationToken);
            if (_snapshot?.Generation != generation)
            {
                await ReloadAsync(connection, generation, cancellationToken);
            }
            _guard.EnterReadLock();
            try
            {
                if (_snapshot is { } snapshot)
                {
                    return read(snapshot); // read only
                }
            }
            finally
            {
                _guard.ExitReadLock();
            }
        }
    }

    private async Task ReloadAsync(DbConnection connection, long generation, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot?.Generation != generation)
            {
                var loaded = await LoadAllAsync(connection, cancellationToken);
                _guard.EnterWriteLock();
                _snapshot = loaded;
                _guard.ExitWriteLock();
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Loads the copy now, so the first visitor's search does not wait for it (seconds for a million records).</summary>
    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ReadAsync(connection, _ => 0, cancellationToken);
    }

    /// <summary>
    /// Brings the copy up to date after the editor committed <paramref name="changed"/> (one index write
    /// for each searchable record). If anything else wrote meanwhile, the copy is dropped and the next
    /// search reloads it.
    /// </summary>
    public async Task RecordsChangedAsync(IReadOnlyCollection<ChangedRecord> changed, CancellationToken cancellationToken)
    {
        var indexed = changed.Where(c => c.Type.IsSearchable).Select(c => (Type: c.Type.Name, c.Id)).ToList();
        if (indexed.Count == 0 || _snapshot is null)
        {
            return;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // Repeatable read: the generation and the rows are one moment on PostgreSQL too, whose default gives each statement its own.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var generation = await SearchIndex.GenerationAsync(connection, transaction, cancellationToken);
            if (_snapshot is not { } snapshot || snapshot.Generation + indexed.Count != generation)
            {
                _guard.EnterWriteLock();
                _snapshot = null; // someone else wrote too: the next search reloads everything
                _guard.ExitWriteLock();
                return;
            }
            var places = indexed.Any(c => c.Type == "site") ? await PlacesAsync(connection, transaction, cancellationToken) : null;
            var names = places is null ? null : new PlaceNames(places);
            var rows = new List<(int Type, long Id, Doc Doc)>();
            foreach (var (type, id) in indexed)
            {
                rows.AddRange(await LoadAsync(connection, transaction, type, "x.id = @id", id, cancellationToken));
                // A place's kind and visibility are also its reports' and photos', a report's visibility its photos'.
                foreach (var (dependent, where) in SearchIndex.Dependents(type))
                {
                    rows.AddRange(await LoadAsync(connection, transaction, dependent, where, id, cancellationToken));
                }
            }
            _guard.EnterWriteLock();
            try
            {
                foreach (var (type, id, doc) in rows)
                {
                    if (id >= snapshot.ByType[type].Length)
                    {
                        var grown = snapshot.ByType[type];
                        Array.Resize(ref grown, (int)Math.Max(id + 1, grown.Length * 2L));
                        snapshot.ByType[type] = grown;
                    }
                    snapshot.ByType[type][id] = doc;
                }
                if (places is not null)
                {
                    (snapshot.Places, snapshot.Names) = (places, names!);
                }
                snapshot.Generation = generation;
            }
            finally
            {
                _guard.ExitWriteLock();
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private static async Task<Snapshot> LoadAllAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // One read transaction, so the generation and the rows are the same moment of the database.
        await using var transaction = await SqlDialect.Of(connection).BeginReadAsync(connection, cancellationToken);
        var generation = await SearchIndex.GenerationAsync(connection, transaction, cancellationToken);
        var byType = new Doc[SearchIndex.Types.Length][];
        foreach (var type in SearchIndex.Types)
        {
            var rows = await LoadAsync(connection, transaction, type, "TRUE", 0, cancellationToken);
            var docs = new Doc[rows.Count == 0 ? 0 : (int)rows.Max(r => r.Id) + 1];
            foreach (var (_, id, doc) in rows)
            {
                docs[id] = doc;
            }
            byType[SearchIndex.Types.IndexOf(type)] = docs;
        }
        var places = await PlacesAsync(connection, transaction, cancellationToken);
        return new Snapshot(generation, byType, places, new PlaceNames(places));
    }

    private const string NewLine = "'\n'"; // a quoted line break, as both databases read it

    private static async Task<IReadOnlyList<SearchPlace>> PlacesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<SearchPlace>(new CommandDefinition(
            $"""
            SELECT s.id, s.slug, s.name_en, s.name_ar, s.parent_id,
                   (SELECT string_agg(n.name, {NewLine} ORDER BY n.position, n.id) FROM site_name n WHERE n.site_id = s.id) AS other_names
            FROM site s WHERE {PublicSql.Site("s")} ORDER BY s.name_en
            """,
            transaction: transaction, cancellationToken: cancellationToken))).AsList();

    // What each type contributes; every branch has the same columns.
    private static string Sql(string type) => type switch
    {
        "report" => $"""
            SELECT x.id, {PublicSql.Report("x")}, x.site_id, x.kind, s.kind, x.cause, x.effect, x.severity,
                   x.certainty, x.verification, NULL, x.event_earliest, x.event_latest, x.event_earliest
            FROM damage_report x JOIN site s ON s.id = x.site_id
            """,
        "site" => $"""
            SELECT x.id, {PublicSql.Site("x")}, x.id, NULL, x.kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM site x
            """,
        "source" => $"""
            SELECT x.id, {PublicSql.Source("x")}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x.kind, NULL, NULL, x.published_earliest
            FROM source x
            """,
        "photo" => $"""
            SELECT x.id, {PublicSql.Photo("x")}, x.site_id, NULL, s.kind, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, COALESCE(x.taken_date, substr(x.exif_taken_at, 1, 10))
            FROM photo x JOIN site s ON s.id = x.site_id
            """,
        _ => throw new ArgumentException($"'{type}' is not an indexed record type.", nameof(type)),
    };

    private static async Task<List<(int Type, long Id, Doc Doc)>> LoadAsync(DbConnection connection, DbTransaction transaction,
        string type, string where, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{Sql(type)} WHERE {where}"; // where is a constant: "TRUE", "x.id = @id" or from SearchIndex.Dependents
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        var code = SearchIndex.Types.IndexOf(type);
        var rows = new List<(int, long, Doc)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((code, reader.GetInt64(0), new Doc(
                Visible: reader.GetBoolean(1),
                SiteId: reader.IsDBNull(2) ? 0 : (int)reader.GetInt64(2),
                ReportKind: Code(Vocab.ReportKinds, reader, 3),
                SiteKind: Code(Vocab.SiteKinds, reader, 4),
                Cause: Code(Vocab.Causes, reader, 5),
                Effect: Code(Vocab.Effects, reader, 6),
                Severity: Code(Vocab.Severities, reader, 7),
                Certainty: Code(Vocab.Certainties, reader, 8),
                Verification: Code(Vocab.Verifications, reader, 9),
                SourceKind: Code(Vocab.SourceKinds, reader, 10),
                Earliest: Day(reader, 11),
                Latest: Day(reader, 12),
                SortDate: Day(reader, 13))));
        }
        return rows;
    }

    public void Dispose()
    {
        _guard.Dispose();
        _loading.Dispose();
    }

    /// <summary>A term as its rank + 1; a code no longer in the list (bad data) counts as none.</summary>
    public static byte Code(TermList list, string? code) => list.Contains(code) ? (byte)(list.Rank(code!) + 1) : (byte)0;

    private static byte Code(TermList list, DbDataReader reader, int column) => reader.IsDBNull(column) ? (byte)0 : Code(list, reader.GetString(column));

    /// <summary>"2015-08-30" as 20150830; "2015-08" or "2015-08~" as 20150800; "2015" as 20150000.</summary>
    public static int Day(string? text)
    {
        if (text is null)
        {
            return 0;
        }
        var day = 0;
        var digits = 0;
        foreach (var c in text.AsSpan(0, Math.Min(10, text.Length)))
        {
            if (char.IsAsciiDigit(c))
            {
                day = (day * 10) + (c - '0');
                digits++;
            }
            else if (c != '-')
            {
                break;
            }
        }
        return digits is 4 or 6 or 8 ? day * (int)Math.Pow(10, 8 - digits) : 0;
    }

    private static int Day(DbDataReader reader, int column) => reader.IsDBNull(column) ? 0 : Day(reader.GetString(column));
}
