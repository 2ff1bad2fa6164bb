using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>
/// Tombs, hypogea and necropoleis are looted now: the seed marks them sensitive, and no public output gives
/// their coordinates more precisely than one decimal degree.
/// </summary>
public sealed class SensitivePlaceTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    // The two burial places the seed locates, with their coordinates as stored (Seed/Palmyra/sites.json).
    public static TheoryData<string, string, string> BurialPlaces => new()
    {
        { "tower-of-elahbel", "34.5536", "38.2503" },
        { "valley-of-the-tombs", "34.5524", "38.2571" },
    };

    [Theory]
    [MemberData(nameof(BurialPlaces))]
    public async Task No_public_output_gives_a_burial_places_exact_coordinates(string slug, string latitude, string _)
    {
        var outputs = new[]
        {
            $"/sites/{slug}", "/sites/valley-of-the-tombs", "/sites", "/map", "/api/v1/sites.geojson", $"/api/v1/sites/{slug}",
            "/api/v1/sites?pageSize=100", "/search?q=tomb", "/search.csv?q=tomb", "/api/v1/search?q=tomb",
            $"/sites/{slug}/cite.json", $"/sites/{slug}/sources.json", "/sources/export.json",
        };
        foreach (var output in outputs)
        {
            var response = await _client.GetAsync(output);
            Assert.True(response.IsSuccessStatusCode, $"GET {output} answered {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            // The latitude alone: the castle, which is not sensitive, shares the valley's longitude.
            Assert.DoesNotContain(latitude, text);
        }
    }

    [Theory]
    [MemberData(nameof(BurialPlaces))]
    public async Task The_api_gives_a_burial_place_to_one_decimal_degree_and_says_it_is_generalised(string slug, string latitude, string longitude)
    {
        var location = (await _client.GetOkJsonAsync($"/api/v1/sites/{slug}")).GetProperty("location");

        Assert.True(location.GetProperty("generalised").GetBoolean());
        Assert.Equal(Math.Round(double.Parse(latitude, System.Globalization.CultureInfo.InvariantCulture), 1), location.GetProperty("latitude").GetDouble());
        Assert.Equal(Math.Round(double.Parse(longitude, System.Globalization.CultureInfo.InvariantCulture), 1), location.GetProperty("longitude").GetDouble());
    }

    [Fact]
    public async Task A_temple_is_not_sensitive_and_keeps_its_coordinates()
    {
        var location = (await _client.GetOkJsonAsync("/api/v1/sites/temple-of-bel")).GetProperty("location");

        Assert.False(location.GetProperty("generalised").GetBoolean());
    }

    [Fact]
    public async Task The_methodology_says_how_the_registry_decides_what_is_sensitive()
    {
        var text = await _client.GetStringAsync("/methodology");

        Assert.Contains("id=\"sensitive-places\"", text);
        Assert.Contains("looting", text);
    }
}
