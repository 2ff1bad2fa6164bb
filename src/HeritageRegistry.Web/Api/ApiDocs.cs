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
                + "and places as GeoJSON. Read-only; lists are paged; every response carries a strong ETag for conditional GET.";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "page" => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    "pageSize" => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = Paging.DefaultPageSize,
                        Maximum = Paging.MaxPageSize.ToString(CultureInfo.InvariantCulture) },
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

    /// <summary>Declares that a query parameter takes the codes of one vocabulary.</summary>
    public static RouteHandlerBuilder TakesCodes(this RouteHandlerBuilder endpoint, string parameterName, TermList terms) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameterName) is { } parameter)
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. terms.Select(t => (JsonNode)JsonValue.Create(t.Code))] };
            }
            return Task.CompletedTask;
        });
}
