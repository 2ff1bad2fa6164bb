using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeritageRegistry.Hosting.Health;

/// <summary>The database answers and holds every migration this build carries, each with the checksum it was applied with.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Dictionary<string, string> applied;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            applied = await MigrationRunner.JournalAsync(connection, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The exception's text may name the file; the report says only what is wrong.
            return HealthCheckResult.Unhealthy("The database cannot be read.");
        }

        var expected = Migration.LoadEmbedded(database.Dialect.Provider);
        var pending = expected.Where(m => !applied.ContainsKey(m.Name)).Select(m => m.Name).ToList();
        var changed = expected.Where(m => applied.TryGetValue(m.Name, out var checksum) && checksum != m.Checksum).Select(m => m.Name).ToList();
        var data = new Dictionary<string, object>
        {
            ["migrationsApplied"] = applied.Count,
            ["migrationsExpected"] = expected.Count,
            ["migrationsPending"] = pending,
            ["migrationsChanged"] = changed,
        };
        return pending.Count == 0 && changed.Count == 0
            ? HealthCheckResult.Healthy("The database answers and its migrations are current.", data)
            : HealthCheckResult.Unhealthy("The database's migrations do not match this build.", data: data);
    }
}
