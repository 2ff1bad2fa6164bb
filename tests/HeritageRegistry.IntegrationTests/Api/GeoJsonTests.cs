using System.Text.Json;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Api;

public sealed class GeoJsonTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Places_are_a_feature_collection_of_points_in_longitude_latitude_order()
    {
        var response = await _client.GetAsync("/api/v1/sites.geojson");
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var bel = collection.GetProperty("features").EnumerateArray().Single(f => f.Text("id") == "temple-of-bel");
        var coordinates = bel.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FeatureCollection", collection.Text("type"));
        Assert.Equal("Feature", bel.Text("type"));
        Assert.Equal("Point", bel.GetProperty("geometry").Text("type"));
        // Palmyra lies at about 38.27 E, 34.55 N: longitude first, as RFC 7946 says.
        Assert.Equal([38.2739, 34.5469], coordinates);
        var properties = bel.GetProperty("properties");
        Assert.Equal("Temple of Bel", properties.Text("name_en"));
        Assert.Equal("معبد بعل", properties.Text("name_ar"));
        Assert.Equal("temple", properties.Text("kind"));
        // Coloured by its worst part, the destroyed cella, and described as its page describes it.
        Assert.Equal("destroyed", properties.Text("condition"));
        Assert.Equal("Places within it: 1 destroyed", properties.Text("condition_text"));
        Assert.Equal("http://localhost/sites/temple-of-bel", properties.Text("url"));
        Assert.False(properties.GetProperty("location_generalised").GetBoolean());
    }

    [Fact]
    public async Task Every_place_with_coordinates_is_a_feature_a_place_without_has_its_parents_point_and_the_rest_are_left_out()
    {
        var features = (await _client.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features");
        var slugs = features.Strings("id");
        var own = features.EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("located_by").ValueKind == JsonValueKind.Null).ToList();
        var bel = features.EnumerateArray().Single(f => f.Text("id") == "temple-of-bel");
        var cella = features.EnumerateArray().Single(f => f.Text("id") == "bel-cella");

        Assert.Equal(SeedCounts.PlacesWithCoordinates, own.Count);
        Assert.DoesNotContain("palmyra", slugs);   // nor any place it holds: it has no coordinates of its own
        Assert.DoesNotContain("agora", slugs);
        Assert.Equal("temple-of-bel", cella.GetProperty("properties").Text("located_by"));
        Assert.Equal(bel.GetProperty("geometry").GetRawText(), cella.GetProperty("geometry").GetRawText());
        Assert.All(features.EnumerateArray(), feature =>
        {
            var point = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(point[0].GetDouble(), 38.2, 38.3);
            Assert.InRange(point[1].GetDouble(), 34.5, 34.6);
        });
    }

    [Fact]
    public async Task A_tomb_without_coordinates_in_the_sensitive_valley_gets_only_the_valleys_generalised_point()
    {
        var tomb = (await _client.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features").EnumerateArray()
            .Single(f => f.Text("id") == "tower-tomb-65");

        Assert.Equal([38.3, 34.6], tomb.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.True(tomb.GetProperty("properties").GetProperty("location_generalised").GetBoolean());
        Assert.Equal("valley-of-the-tombs", tomb.GetProperty("properties").Text("located_by"));
    }
}
