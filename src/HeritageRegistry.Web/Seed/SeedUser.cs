using System.Data;
using Dapper;

namespace HeritageRegistry.Seed;

/// <summary>
/// "registry seed": the user the seed record and its update steps write their revisions as (migration 0009 adds
/// it, disabled and without a usable password, so nobody can sign in as it). A record whose latest revision is
/// by anyone else has been edited by a person since, and an update step leaves it alone.
/// </summary>
public static class SeedUser
{
    public const string Login = "registry-seed";

    public static Task<long> IdAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM app_user WHERE login = @Login", new { Login }, transaction, cancellationToken: cancellationToken));
}
