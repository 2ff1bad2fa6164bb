using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>Real responses of every endpoint, checked against the schemas /openapi/v1.json declares for them.</summary>
public sealed class OpenApiConformanceTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Theory]
    [InlineData("/api/v1/sites?pageSize=100", "/api/v1/sites")]
    [InlineData("/api/v1/sites?page=2&pageSize=5&kind=tomb", "/api/v1/sites")]
    [InlineData("/api/v1/reports?pageSize=100", "/api/v1/reports")]
    [InlineData("/api/v1/reports?severity=destroyed&from=2015-01-01&to=2016-12-31", "/api/v1/reports")]
    [InlineData("/api/v1/sources?pageSize=100", "/api/v1/sources")]
    [InlineData("/api/v1/sites.geojson", "/api/v1/sites.geojson")]
    [InlineData("/api/v1/sites?page=0&pageSize=1000&kind=volcano", "/api/v1/sites")]
    [InlineData("/api/v1/reports?from=someday", "/api/v1/reports")]
    [InlineData("/api/v1/sites/no-such-place", "/api/v1/sites/{slug}")]
    [InlineData("/api/v1/reports/PAL-1999-0001", "/api/v1/reports/{reference}")]
    [InlineData("/api/v1/sources/S999", "/api/v1/sources/{reference}")]
    [InlineData("/api/v1/search?pageSize=100", "/api/v1/search")]
    [InlineData("/api/v1/search?q=%D8%A7%D9%84%D8%A7%D8%BA%D9%88%D8%B1%D8%A7", "/api/v1/search")]
    [InlineData("/api/v1/search?q=UNOSAT+berms&severity=destroyed&site=palmyra&from=2015&to=2016-06&sort=newest", "/api/v1/search")]
    [InlineData("/api/v1/search?q=zzzzqx", "/api/v1/search")]
    [InlineData("/api/v1/search?severity=bogus&page=0&pageSize=1000&from=2016&to=2015", "/api/v1/search")]
    [InlineData("/api/v1/search?site=atlantis", "/api/v1/search")]
    public async Task A_response_matches_the_schema_the_document_declares_for_its_status_and_type(string url, string template)
    {
        var document = await OpenApiDocument.FetchAsync(_client);
        await AssertConformsAsync(document, url, template);
    }

    [Fact]
    public async Task Every_published_place_report_and_source_matches_its_declared_schema()
    {
        var document = await OpenApiDocument.FetchAsync(_client);
        var checkedCount = 0;
        foreach (var (list, key, template) in new[]
        {
            ("/api/v1/sites?pageSize=100", "slug", "/api/v1/sites/{slug}"),
            ("/api/v1/reports?pageSize=100", "reference", "/api/v1/reports/{reference}"),
            ("/api/v1/sources?pageSize=100", "reference", "/api/v1/sources/{reference}"),
        })
        {
            foreach (var item in await _client.AllPagesAsync(list))
            {
                await AssertConformsAsync(document, template.Replace($"{{{key}}}", item.Text(key), StringComparison.Ordinal), template);
                checkedCount++;
            }
        }
        Assert.Equal(SeedCounts.Records, checkedCount);
    }

    [Fact]
    public async Task The_check_fails_for_an_undeclared_property_a_wrong_type_or_a_missing_required_one()
    {
        var document = await OpenApiDocument.FetchAsync(_client);
        var schema = document.ResponseSchema("/api/v1/sites/{slug}", 200, "application/json");
        var real = JsonNode.Parse(await _client.GetStringAsync("/api/v1/sites/temple-of-bel"))!.AsObject();
        Assert.Empty(OpenApiDocument.Problems(schema, Parse(real)));

        var extra = real.DeepClone().AsObject();
        extra["row_id"] = 2;
        var wrongType = real.DeepClone().AsObject();
        wrongType["version"] = "two";
        var missing = real.DeepClone().AsObject();
        missing.Remove("slug");
        var nested = real.DeepClone().AsObject();
        nested["location"]!["latitude"] = "34.5";

        Assert.NotEmpty(OpenApiDocument.Problems(schema, Parse(extra)));
        Assert.NotEmpty(OpenApiDocument.Problems(schema, Parse(wrongType)));
        Assert.NotEmpty(OpenApiDocument.Problems(schema, Parse(missing)));
        Assert.NotEmpty(OpenApiDocument.Problems(schema, Parse(nested)));
    }

    [Fact]
    public async Task Every_api_operation_has_a_name_a_summary_and_a_declared_success_response()
    {
        var document = await OpenApiDocument.FetchAsync(_client);
        var operations = document.Root["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!))).ToList();

        Assert.Equal(
            ["/api/v1/reports", "/api/v1/reports/{reference}", "/api/v1/search", "/api/v1/sites", "/api/v1/sites.geojson", "/api/v1/sites/{slug}", "/api/v1/sources", "/api/v1/sources/{reference}"],
            operations.Select(o => o.Path).Order(StringComparer.Ordinal));
        Assert.All(operations, o =>
        {
            Assert.Equal("get", o.Method);
            Assert.False(string.IsNullOrEmpty((string?)o.Operation["operationId"]), $"{o.Path} has a name");
            Assert.False(string.IsNullOrEmpty((string?)o.Operation["summary"]), $"{o.Path} has a summary");
            Assert.NotNull(o.Operation["responses"]?["200"]?["content"]);
        });
        Assert.NotEmpty(document.Root["components"]!["schemas"]!["SiteResource"]!["required"]!.AsArray());
    }

    [Fact]
    public async Task Every_page_of_every_search_result_matches_its_declared_schema()
    {
        var document = await OpenApiDocument.FetchAsync(_client);
        var schema = document.ResponseSchema("/api/v1/search", 200, "application/json");
        var pages = 0;
        for (string? next = "/api/v1/search?pageSize=100"; next is not null; pages++)
        {
            var body = JsonDocument.Parse(await _client.GetStringAsync(next)).RootElement;
            var problems = OpenApiDocument.Problems(schema, body);
            Assert.True(problems.Count == 0, $"GET {next} does not match the document: {string.Join("; ", problems.Take(5))}");
            next = body.GetProperty("links").GetProperty("next").GetString();
        }
        Assert.Equal((SeedCounts.Records + 99) / 100, pages);   // every published record, every kind of hit
    }

    [Fact]
    public async Task The_search_operation_declares_every_parameter_the_search_page_reads_with_its_codes()
    {
        var document = await OpenApiDocument.FetchAsync(_client);
        var parameters = document.Root["paths"]!["/api/v1/search"]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => p!);

        Assert.Equal(
            ["q", .. HeritageRegistry.Search.SearchFilters.All.Select(f => f.Parameter), "site", "from", "to", "sort", "page", "pageSize"],
            parameters.Keys);
        Assert.All(parameters.Values, p =>
        {
            Assert.Equal("query", (string?)p["in"]);
            Assert.False(string.IsNullOrEmpty((string?)p["description"]), $"{p["name"]} is described");
        });
        foreach (var filter in HeritageRegistry.Search.SearchFilters.All)
        {
            Assert.Equal(filter.Terms.Select(t => t.Code), parameters[filter.Parameter]["schema"]!["enum"]!.AsArray().Select(code => (string)code!));
        }
        // Search dates are EDTF (2015, 2015-08, ...), not only full days as on /api/v1/reports.
        Assert.Null(parameters["from"]["schema"]!["format"]);
        Assert.Equal(25, (int)parameters["pageSize"]["schema"]!["default"]!);
    }

    private async Task AssertConformsAsync(OpenApiDocument document, string url, string template)
    {
        var response = await _client.GetAsync(url);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var schema = document.ResponseSchema(template, (int)response.StatusCode, response.Content.Headers.ContentType!.MediaType!);
        var problems = OpenApiDocument.Problems(schema, body);
        Assert.True(problems.Count == 0, $"GET {url} ({(int)response.StatusCode}) does not match the document: {string.Join("; ", problems.Take(5))}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType.MediaType);
        }
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
