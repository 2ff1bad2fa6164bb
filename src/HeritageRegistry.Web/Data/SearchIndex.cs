using System.Data;
using Dapper;

namespace HeritageRegistry.Data;

/// <summary>
/// Writes the FTS5 row for a record. Callers pass their own transaction so the index and
/// the data commit or roll back together and never drift apart.
/// </summary>
public static class SearchIndex
{
    public static async Task WriteAsync(IDbConnection connection, IDbTransaction transaction,
        string entityType, long entityId, string title, string body, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM search_index WHERE entity_type = @entityType AND entity_id = @entityId",
            new { entityType, entityId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO search_index (entity_type, entity_id, title, body) VALUES (@entityType, @entityId, @title, @body)",
            new { entityType, entityId, title, body }, transaction, cancellationToken: cancellationToken));
    }
}
