using Dapper;

namespace HeritageRegistry.Data;

/// <summary>A record by its type's name (RecordType.Name) and row id.</summary>
public readonly record struct RecordKey(string Type, long Id);

/// <summary>
/// Records as people name them: reference or address name, then title ("PAL-2015-0010 · Destruction of the Temple
/// of Bel"), for history and the desk, where a row id ("report 44") tells a curator nothing. Deleted records keep
/// their names, since history is mostly about them.
/// </summary>
public sealed class RecordNames(Database database)
{
    /// <summary>The name of every record asked for that exists; a missing one is left out.</summary>
    public async Task<IReadOnlyDictionary<RecordKey, string>> NamesAsync(IEnumerable<RecordKey> records, CancellationToken cancellationToken)
    {
        var names = new Dictionary<RecordKey, string>();
        var byType = records.Distinct().GroupBy(record => record.Type).Where(group => Sql(group.Key) is not null).ToList();
        if (byType.Count == 0)
        {
            return names;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var group in byType)
        {
            var rows = await connection.QueryAsync<NameRow>(new CommandDefinition(
                $"{Sql(group.Key)} WHERE {database.Dialect.InList("x.id", "@ids")}", new { ids = group.Select(r => r.Id).ToList() },
                cancellationToken: cancellationToken));
            foreach (var row in rows)
            {
                names[new RecordKey(group.Key, row.Id)] = string.Join(" · ", new[] { row.Key, row.Title }.Where(part => !string.IsNullOrWhiteSpace(part)));
            }
        }
        return names;
    }

    /// <summary>How each type is named: the curators' list's key and title where it has a list, and otherwise by
    /// what it is about (a citation by its source, a disagreement by its topic).</summary>
    private static string? Sql(string type) => type switch
    {
        "citation" => "SELECT x.id, so.reference AS key, so.title AS title FROM citation x JOIN source so ON so.id = x.source_id",
        "disagreement" => "SELECT x.id, NULL AS key, x.topic AS title FROM disagreement x",
        _ when CuratedList.Find(type) is { } list => $"SELECT x.id, {list.KeySql} AS key, {list.TitleSql} AS title FROM {list.FromSql}",
        _ => null,
    };

    private sealed record NameRow
    {
        public long Id { get; init; }
        public string? Key { get; init; }
        public string? Title { get; init; }
    }
}
