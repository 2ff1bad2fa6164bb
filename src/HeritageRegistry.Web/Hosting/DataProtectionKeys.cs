using HeritageRegistry.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Hosting;

public static class DataProtectionKeys
{
    /// <summary>
    /// Keys that sign cookies and antiforgery tokens live in the data folder (keys/), so sign-ins survive a restart
    /// and a redeploy into a fresh folder; the default (~/.aspnet) is lost with a service user's home or a container.
    /// Set through options rather than PersistKeysToFileSystem so the folder comes from the bound Registry settings.
    /// </summary>
    public static IServiceCollection AddPersistentDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("HeritageRegistry");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<RegistryOptions>, ILoggerFactory>((keys, registry, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(registry.Value.DataDirectory), "keys")), logging));
        return services;
    }
}
