using HeritageRegistry.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace HeritageRegistry.Pickers;

/// <summary>
/// The pickers: a store, a binder for the forms, and a small JSON answer per record type that the picker
/// script asks as a curator types (/curate/pickers/reports?q=…), so no page ships every record as an option.
/// </summary>
public static class PickerEndpoints
{
    /// <summary>How many records one answer lists: enough to choose from, few enough to read.</summary>
    public const int Limit = 20;

    public static IServiceCollection AddPickers(this IServiceCollection services) => services
        .AddSingleton<PickerStore>()
        .Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new PickBinder.Provider()));

    public static IEndpointRouteBuilder MapPickers(this IEndpointRouteBuilder app)
    {
        // Drafts are offered, so only curators may ask; one route per record type, named by the type.
        var group = app.MapGroup("/curate/pickers").RequireAuthorization(Roles.CuratorPolicy).ExcludeFromDescription();
        foreach (var picker in Picker.All)
        {
            group.MapGet($"/{picker.Name}", async (string? q, PickerStore store, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (q?.Length > PickerStore.MaxText)
                {
                    return Results.Problem($"The query is longer than {PickerStore.MaxText} characters.", statusCode: StatusCodes.Status400BadRequest);
                }
                context.Response.Headers.CacheControl = "no-store";
                var options = await store.SearchAsync(picker, q, Limit, cancellationToken);
                return Results.Json(options.Select(option => new
                {
                    value = option.Text, key = option.Key, title = option.Title, draft = option.Publication != "published",
                }));
            });
        }
        return app;
    }
}
