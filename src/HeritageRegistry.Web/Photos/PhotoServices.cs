namespace HeritageRegistry.Photos;

public static class PhotoServices
{
    public static IServiceCollection AddPhotos(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<PhotoOptions>(configuration.GetSection(PhotoOptions.Section))
        .AddSingleton<PhotoProcessor>()
        .AddSingleton<PhotoFiles>()
        .AddSingleton<PhotoStore>()
        .AddSingleton<PhotoIngest>()
        .AddHostedService<PhotoTemporaryCleanup>();
}
