using Dapper;

namespace HeritageRegistry.Data;

public sealed record CitationRow
{
    public long Id { get; init; }
    public long Version { get; init; }
    public string SourceReference { get; init; } = "";
    public string SourceTitle { get; init; } = "";
    public string? Locator { get; init; }
    public string? Quote { get; init; }
}

public sealed record SourceIdentity(string Reference, string? Url, string? Doi);

/// <summary>What a citation can support: its column in the citation table (a constant, never input).
/// Reports and places can also carry disagreements, in the same-named column of that table.</summary>
public sealed record CitationTarget(string Column, bool HasDisagreements)
{
    public static readonly CitationTarget Report = new("report_id", HasDisagreements: true);
    public static readonly CitationTarget Site = new("site_id", HasDisagreements: true);
    public static readonly CitationTarget Photo = new("photo_id", HasDisagreements: false);
}

public sealed record DisagreementRow
{
    public long Id { get; init; }
    public string Topic { get; init; } = "";
    public bool IsDeleted { get; init; }
    public long Versions { get; init; }
}

/// <summary>Reads for the curators' area: everything, drafts and deleted records included.</summary>
public sealed class CurateStore(Database database)
{
    /// <summary>Every source's web address and DOI, for spotting duplicates in an import.</summary>
    public async Task<IReadOnlyList<SourceIdentity>> SourceIdentitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SourceIdentity>(new CommandDefinition(
            "SELECT reference, url, doi FROM source WHERE deleted_at IS NULL AND (url IS NOT NULL OR doi IS NOT NULL)",
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The live citations of one report or one place, in their order.</summary>
    public async Task<IReadOnlyList<CitationRow>> CitationsAsync(CitationTarget target, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CitationRow>(new CommandDefinition($"""
            SELECT ci.id, ci.version, so.reference AS source_reference, so.title AS source_title, ci.locator, ci.quote
            FROM citation ci JOIN source so ON so.id = ci.source_id
            WHERE ci.{target.Column} = @id AND ci.deleted_at IS NULL
            ORDER BY ci.position, ci.id
            """, new { id }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The disagreements about one report or place, deleted ones included so they can be restored.</summary>
    public async Task<IReadOnlyList<DisagreementRow>> DisagreementsAsync(CitationTarget target, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DisagreementRow>(new CommandDefinition($"""
            SELECT d.id, d.topic, d.deleted_at IS NOT NULL AS is_deleted,
                   (SELECT COUNT(*) FROM disagreement_version v WHERE v.disagreement_id = d.id) AS versions
            FROM disagreement d
            WHERE d.{target.Column} = @id
            ORDER BY d.position, d.id
            """, new { id }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<long?> SiteIdBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM site WHERE slug = @slug", new { slug }, cancellationToken: cancellationToken));
    }

    /// <summary>True when <paramref name="siteId"/> lies somewhere below <paramref name="ancestorId"/>: making it the parent would close a loop.</summary>
    public async Task<bool> IsSiteWithinAsync(long siteId, long? ancestorId, CancellationToken cancellationToken)
    {
        if (ancestorId is null)
        {
            return false;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            WITH RECURSIVE below(id) AS (
                SELECT id FROM site WHERE parent_id = @ancestorId
                UNION SELECT s.id FROM site s JOIN below b ON s.parent_id = b.id
            )
            SELECT COUNT(*) FROM below WHERE id = @siteId
            """, new { siteId, ancestorId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The next source reference, continuing the S01, S02 ... numbering the seed started.</summary>
    public static async Task<string> NextSourceReferenceAsync(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction)
    {
        var highest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MAX(CAST(SUBSTR(reference, 2) AS BIGINT)) FROM source WHERE reference LIKE 'S%' AND {SqlDialect.Of(connection).IsDigits("SUBSTR(reference, 2)")}",
            transaction: transaction));
        return $"S{(highest ?? 0) + 1:00}";
    }
}
