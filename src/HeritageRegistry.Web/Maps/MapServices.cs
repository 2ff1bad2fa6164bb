namespace HeritageRegistry.Maps;

public static class MapServices
{
    public static IServiceCollection AddMap(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
}
