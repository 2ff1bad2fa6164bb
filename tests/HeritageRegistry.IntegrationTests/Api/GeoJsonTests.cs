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
    public async Task Every_place_with_coordinates_is_a_feature_and_places_without_are_left_out()
    {
        var features = (await _client.GetOkJsonAsync("/api/v1/sites.geojson")).GetProperty("features");
        var slugs = features.Strings("id");

        Assert.Equal(SeedCounts.PlacesWithCoordinates, slugs.Count);
        Assert.DoesNotContain("palmyra", slugs);
        Assert.DoesNotContain("bel-cella", slugs);
        Assert.All(features.EnumerateArray(), feature =>
        {
            var point = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(point[0].GetDouble(), 38.2, 38.3);
            Assert.InRange(point[1].GetDouble(), 34.5, 34.6);
        });
    }
}
