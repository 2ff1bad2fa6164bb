using Dapper;

namespace HeritageRegistry.Data;

public sealed record RegistryCounts
{
    public long Sites { get; init; }
    public long Reports { get; init; }
    public long Sources { get; init; }
}

/// <summary>The registry at a glance, for the home page.</summary>
public sealed class HomeStore(Database database)
{
    private static readonly string CountsSql = $"""
        SELECT (SELECT COUNT(*) FROM site s WHERE {PublicSql.Site("s")}) AS sites,
               (SELECT COUNT(*) FROM damage_report r WHERE {PublicSql.Report("r")}) AS reports,
               (SELECT COUNT(*) FROM source so WHERE {PublicSql.Source("so")}) AS sources
        """;

    public async Task<RegistryCounts> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<RegistryCounts>(new CommandDefinition(CountsSql, cancellationToken: cancellationToken));
    }
}
