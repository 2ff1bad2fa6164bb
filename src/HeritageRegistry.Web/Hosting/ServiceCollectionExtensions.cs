using HeritageRegistry.Data;

namespace HeritageRegistry.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Stores are stateless wrappers around SQL; one instance each serves every request.</summary>
    public static IServiceCollection AddRegistryStores(this IServiceCollection services) => services
        .AddSingleton<PlaceConditions>()
        .AddSingleton<SiteStore>()
        .AddSingleton<ReportStore>()
        .AddSingleton<SourceStore>()
        .AddSingleton<HomeStore>()
        .AddSingleton<CurateStore>()
        .AddSingleton<CuratedListStore>()
        .AddSingleton<RecordNames>()
        .AddSingleton<ReportReferences>()
        .AddSingleton<Search.SearchDocs>()
        .AddSingleton<Data.Editing.IRecordsChangedListener>(services => services.GetRequiredService<Search.SearchDocs>())
        .AddSingleton<Search.SearchStore>()
        .AddSingleton<Data.Editing.RecordsChanged>()
        .AddSingleton<Data.Editing.RecordEditor>()
        .AddSingleton<Import.ImportStore>()
        .AddSingleton<Review.ReviewStore>()
        .AddSingleton<Review.ReviewItems>();

    /// <summary>On PostgreSQL, carries each change to the other web nodes and hears theirs; a SQLite registry is served by
    /// one process, whose listeners the editor reaches directly. (The setting is read here, as the host was given it.)</summary>
    public static IServiceCollection AddNodeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>()?.Database.IsPostgreSql == true)
        {
            services.AddSingleton<NodeNotifications>();
            services.AddSingleton<Data.Editing.IRecordsChangedListener>(provider => provider.GetRequiredService<NodeNotifications>());
            services.AddHostedService(provider => provider.GetRequiredService<NodeNotifications>());
        }
        return services;
    }
}
