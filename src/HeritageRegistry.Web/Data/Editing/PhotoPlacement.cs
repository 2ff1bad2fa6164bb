using System.Data;
using Dapper;

namespace HeritageRegistry.Data.Editing;

/// <summary>A photo shows one place: the report it illustrates, if any, is a report about that same place.</summary>
public static class PhotoPlacement
{
    public static async Task<Refusal?> CheckAsync(IDbConnection connection, IDbTransaction? transaction, IReadOnlyDictionary<string, object?> values,
        CancellationToken cancellationToken)
    {
        if (values.GetValueOrDefault("report_id") is not long reportId)
        {
            return null;
        }
        var reportSiteId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT site_id FROM damage_report WHERE id = @reportId AND deleted_at IS NULL",
            new { reportId }, transaction, cancellationToken: cancellationToken));
        return reportSiteId is { } siteId && siteId == values.GetValueOrDefault("site_id") as long?
            ? null
            : new Refusal("report_id", "That report does not exist or is about another place.");
    }
}
