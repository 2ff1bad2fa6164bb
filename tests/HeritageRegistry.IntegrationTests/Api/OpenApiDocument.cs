using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>
/// The app's own /openapi/v1.json, turned into JSON Schemas (2020-12, which OpenAPI 3.1 uses) that
/// real responses are checked against with JsonSchema.Net. The registry's own objects are closed
/// (additionalProperties: false) so a property the document does not declare fails the check;
/// problem objects stay open, since RFC 7807 allows extension members such as trace_id.
/// </summary>
public sealed class OpenApiDocument(JsonNode document)
{
    private static readonly HashSet<string> OpenSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];
    private static int _schemaCount;

    public JsonNode Root { get; } = document;

    public static async Task<OpenApiDocument> FetchAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);

    /// <summary>The schema the document declares for a GET of <paramref name="template"/> answering <paramref name="status"/> as <paramref name="contentType"/>.</summary>
    public JsonSchema ResponseSchema(string template, int status, string contentType)
    {
        var declared = Root["paths"]?[template]?["get"]?["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[contentType]?["schema"]
            ?? throw new Xunit.Sdk.XunitException($"The document declares no {contentType} schema for GET {template} answering {status}.");
        var definitions = Root["components"]!["schemas"]!.DeepClone().AsObject();
        foreach (var (name, schema) in definitions.Where(pair => !OpenSchemas.Contains(pair.Key)))
        {
            Close(schema!);
        }
        var root = declared.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = definitions;
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, baseUri: new Uri($"https://registry.test/schemas/{Interlocked.Increment(ref _schemaCount)}"));
    }

    /// <summary>Problems found checking <paramref name="body"/> against <paramref name="schema"/>; empty when it conforms.</summary>
    public static List<string> Problems(JsonSchema schema, JsonElement body)
    {
        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    private static void Close(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("properties") && !obj.ContainsKey("additionalProperties"))
                {
                    obj["additionalProperties"] = false;
                }
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        Close(child);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    if (child is not null)
                    {
                        Close(child);
                    }
                }
                break;
        }
    }
}
