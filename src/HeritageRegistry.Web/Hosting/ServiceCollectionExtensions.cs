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
        .AddSingleton<ReportReferences>()
        .AddSingleton<DisagreementStore>()
        .AddSingleton<Search.SearchDocs>()
        .AddSingleton<Data.Editing.IRecordsChangedListener>(services => services.GetRequiredService<Search.SearchDocs>())
        .AddSingleton<Search.SearchStore>()
        .AddSingleton<Data.Editing.RecordsChanged>()
        .AddSingleton<Data.Editing.RecordEditor>();
}
