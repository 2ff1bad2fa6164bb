using HeritageRegistry.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Hosting.Health;

/// <summary>The data folder's disk has room for more photos and a growing database (Registry:Health:MinimumFreeBytes).</summary>
public sealed class DiskSpaceHealthCheck(IOptions<RegistryOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var registry = options.Value;
        // DriveInfo resolves the mount the folder lives on, so a separate /var/lib volume is measured, not the root.
        var free = new DriveInfo(Path.GetFullPath(registry.DataDirectory)).AvailableFreeSpace;
        var minimum = registry.Health.MinimumFreeBytes;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minimumFreeBytes"] = minimum };
        return Task.FromResult(free >= minimum
            ? HealthCheckResult.Healthy("The data folder has enough free space.", data)
            : HealthCheckResult.Unhealthy("The data folder's disk is nearly full.", data: data));
    }
}
