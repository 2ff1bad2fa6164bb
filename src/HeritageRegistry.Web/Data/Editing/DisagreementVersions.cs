using System.Data;
using Dapper;

namespace HeritageRegistry.Data.Editing;

/// <summary>One version of a disputed claim as curators edit it: the statement and the sources that give it.</summary>
public sealed record VersionText(string Statement, IReadOnlyList<(string Reference, string? Locator)> Sources);

/// <summary>
/// A disagreement's versions as one text, a line per version: "statement | S12 p. 4; S40". That text is
/// what revisions keep and diffs show, so a change to any version or source reads as one line changed.
/// </summary>
public static class DisagreementVersions
{
    public static readonly ChildRows Rows = new("versions", ReadAsync, WriteAsync);

    public static string Format(IEnumerable<VersionText> versions) =>
        string.Join('\n', versions.Select(v => $"{v.Statement} | {FormatSources(v.Sources)}"));

    public static IReadOnlyList<VersionText> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var bar = line.LastIndexOf('|');
            return new VersionText(bar < 0 ? line : line[..bar].Trim(), bar < 0 ? [] : ParseSources(line[(bar + 1)..]));
        }).ToList();

    /// <summary>"S12 p. 4; S40": each source's reference, then its locator if it has one.</summary>
    public static string FormatSources(IEnumerable<(string Reference, string? Locator)> sources) =>
        string.Join("; ", sources.Select(s => s.Locator is null ? s.Reference : $"{s.Reference} {s.Locator}"));

    /// <summary>The sources of "S12 p. 4; s40", references upper-cased as the registry writes them.</summary>
    public static IReadOnlyList<(string Reference, string? Locator)> ParseSources(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split(' ', 2, StringSplitOptions.TrimEntries) is [var reference, var locator]
                ? (reference.ToUpperInvariant(), (string?)locator) : (s.ToUpperInvariant(), null))
            .ToList();

    private sealed record Row(long VersionId, string Statement, string? Reference, string? Locator);

    private static async Task<string?> ReadAsync(IDbConnection connection, IDbTransaction? transaction, long disagreementId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT v.id AS version_id, v.statement, so.reference, ds.locator
            FROM disagreement_version v
            LEFT JOIN disagreement_source ds ON ds.version_id = v.id
            LEFT JOIN source so ON so.id = ds.source_id
            WHERE v.disagreement_id = @disagreementId
            ORDER BY v.position, v.id, so.reference
            """, new { disagreementId }, transaction, cancellationToken: cancellationToken));
        return Format(rows.GroupBy(r => (r.VersionId, r.Statement)).Select(v => new VersionText(v.Key.Statement,
            v.Where(r => r.Reference is not null).Select(r => (r.Reference!, r.Locator)).ToList())));
    }

    private static async Task<string?> WriteAsync(IDbConnection connection, IDbTransaction transaction, long disagreementId, string? text,
        CancellationToken cancellationToken)
    {
        var versions = Parse(text);
        var references = versions.SelectMany(v => v.Sources).Select(s => s.Reference).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var sourceIds = (await connection.QueryAsync<(string Reference, long Id)>(new CommandDefinition(
            $"SELECT reference, id FROM source WHERE deleted_at IS NULL AND {SqlDialect.Of(connection).InList("reference", "@references")}",
            new { references }, transaction, cancellationToken: cancellationToken))).ToDictionary(s => s.Reference, s => s.Id, StringComparer.OrdinalIgnoreCase);
        if (references.FirstOrDefault(r => !sourceIds.ContainsKey(r)) is { } unknown)
        {
            return $"There is no source {unknown}. Give sources by their reference, such as S12.";
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM disagreement_source WHERE version_id IN (SELECT id FROM disagreement_version WHERE disagreement_id = @disagreementId);
            DELETE FROM disagreement_version WHERE disagreement_id = @disagreementId;
            """, new { disagreementId }, transaction, cancellationToken: cancellationToken));
        for (var position = 0; position < versions.Count; position++)
        {
            var versionId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO disagreement_version (disagreement_id, statement, position) VALUES (@disagreementId, @statement, @position) RETURNING id
                """, new { disagreementId, statement = versions[position].Statement, position }, transaction, cancellationToken: cancellationToken));
            foreach (var (reference, locator) in versions[position].Sources.DistinctBy(s => s.Reference.ToUpperInvariant()))
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO disagreement_source (version_id, source_id, locator) VALUES (@versionId, @sourceId, @locator)
                    """, new { versionId, sourceId = sourceIds[reference], locator }, transaction, cancellationToken: cancellationToken));
            }
        }
        return null;
    }
}
