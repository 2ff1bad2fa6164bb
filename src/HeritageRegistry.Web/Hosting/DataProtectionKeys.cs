using HeritageRegistry.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HeritageRegistry.Hosting;

public static class DataProtectionKeys
{
    /// <summary>
    /// Keys that sign cookies and antiforgery tokens live in the data folder (keys/), so sign-ins survive a restart
    /// and a redeploy into a fresh folder; the default (~/.aspnet) is lost with a service user's home or a container.
    /// On PostgreSQL they live in the database instead (<see cref="DatabaseKeyRepository"/>), which every web node
    /// shares: a curator signed in on one node is signed in on all. Call it after the database initializer is
    /// registered: data protection loads its keys as it starts, and on PostgreSQL their table comes with a migration.
    /// Set through options rather than PersistKeysToFileSystem so the folder comes from the Registry settings as the
    /// host finally sees them (tests set them late); bound without validation, because data protection is built before
    /// the app starts and a bad unrelated setting must still stop start-up with its own one-sentence message.
    /// </summary>
    public static IServiceCollection AddPersistentDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("HeritageRegistry");
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((keys, configuration, logging) =>
        {
            var registry = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
            keys.XmlRepository = registry.Database.IsPostgreSql
                ? new DatabaseKeyRepository(registry.Database.ConnectionString!)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(Path.GetFullPath(registry.DataDirectory), "keys")), logging);
        });
        return services;
    }
}
