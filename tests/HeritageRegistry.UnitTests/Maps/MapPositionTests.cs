using HeritageRegistry.Data;
using HeritageRegistry.Maps;

namespace HeritageRegistry.UnitTests.Maps;

public sealed class MapPositionTests
{
    private static MapPlace Place(string slug, string? parent = null, double? latitude = null, double? longitude = null, bool sensitive = false) =>
        new() { Slug = slug, NameEn = slug, ParentSlug = parent, Latitude = latitude, Longitude = longitude, IsSensitive = sensitive };

    private static MapPosition? PositionOf(string slug, params MapPlace[] places) =>
        MapPosition.Of(places).Single(p => p.Place.Slug == slug).Position;

    [Fact]
    public void A_place_with_coordinates_is_drawn_at_its_own()
    {
        var position = PositionOf("temple", Place("temple", latitude: 34.5469, longitude: 38.2739));

        Assert.Equal((34.5469, 38.2739, false), (position!.Location.Latitude, position.Location.Longitude, position.Location.IsGeneralised));
        Assert.Null(position.StandIn);
    }

    [Fact]
    public void A_place_without_coordinates_is_drawn_where_the_nearest_place_it_belongs_to_with_coordinates_is()
    {
        var position = PositionOf("statue",
            Place("city"), Place("temple", "city", 34.5469, 38.2739), Place("court", "temple"), Place("statue", "court"));

        Assert.Equal("temple", position!.StandIn!.Slug);
        Assert.Equal((34.5469, 38.2739), (position.Location.Latitude, position.Location.Longitude));
    }

    [Fact]
    public void Within_a_sensitive_place_or_as_a_sensitive_place_the_borrowed_position_stays_generalised()
    {
        var inSensitive = PositionOf("tomb", Place("valley", latitude: 34.5524, longitude: 38.2571, sensitive: true), Place("tomb", "valley"));
        var sensitiveItself = PositionOf("tomb", Place("valley", latitude: 34.5524, longitude: 38.2571), Place("tomb", "valley", sensitive: true));

        Assert.All(new[] { inSensitive!, sensitiveItself! }, position =>
            Assert.Equal((34.6, 38.3, true), (position.Location.Latitude, position.Location.Longitude, position.Location.IsGeneralised)));
    }

    [Fact]
    public void A_place_with_no_coordinates_up_its_line_or_in_a_cycle_of_parents_is_not_drawn()
    {
        Assert.Null(PositionOf("agora", Place("city"), Place("agora", "city")));
        Assert.Null(PositionOf("a", Place("a", "b"), Place("b", "a")));
    }
}
