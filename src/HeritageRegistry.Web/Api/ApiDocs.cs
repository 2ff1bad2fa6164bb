using System.Globalization;
using System.Text.Json.Nodes;
using HeritageRegistry.Vocabulary;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HeritageRegistry.Api;

/// <summary>
/// Makes the OpenAPI document say what the endpoints really accept and send. Query parameters
/// are bound as text (so a bad one becomes a 400 problem naming it, never a binding failure);
/// here they are described by what they must be: whole numbers, days, or vocabulary codes.
/// </summary>
public static class ApiDocs
{
    private static readonly Dictionary<Type, string> GeoJsonTypes = new()
    {
        [typeof(GeoFeatureCollection)] = "FeatureCollection",
        [typeof(GeoFeature)] = "Feature",
        [typeof(GeoPoint)] = "Point",
    };

    public static void Describe(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Heritage Registry open data";
            document.Info.Description = "Published records of damage to Palmyra's cultural heritage: places, damage reports, sources, "
                + "places as GeoJSON, and a search over all of them with the search page's filters. Read-only; lists are paged; every response carries a strong ETag for conditional GET.";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "page" or "pageSize" => PagingSchema(parameter.Name),
                    "from" or "to" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                    _ => parameter.Schema,
                };
            }
            return Task.CompletedTask;
        });
        // GeoJSON objects name their own type; say which one each must be.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (GeoJsonTypes.TryGetValue(context.JsonTypeInfo.Type, out var type) && schema.Properties is { } properties)
            {
                properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] };
                schema.Required?.Add("type");
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>What the paging parameters of every list take: a page from 1, a page size from 1 to 100.</summary>
    public static OpenApiSchema PagingSchema(string name) => name == "page"
        ? new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" }
        : new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = Paging.DefaultPageSize,
            Maximum = Paging.MaxPageSize.ToString(CultureInfo.InvariantCulture) };

    /// <summary>A text parameter that takes one of a vocabulary's codes.</summary>
    public static OpenApiSchema Codes(IEnumerable<string> codes) =>
        new() { Type = JsonSchemaType.String, Enum = [.. codes.Select(code => (JsonNode)JsonValue.Create(code))] };

    /// <summary>Declares that a query parameter takes the codes of one vocabulary.</summary>
    public static RouteHandlerBuilder TakesCodes(this RouteHandlerBuilder endpoint, string parameterName, TermList terms) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameterName) is { } parameter)
            {
                parameter.Schema = Codes(terms.Select(t => t.Code));
            }
            return Task.CompletedTask;
        });
}
