using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.Maps;

/// <summary>
/// Where the map draws a place: at its own public location, or, when it has no coordinates, at the public
/// location of the nearest place it belongs to that has some (<see cref="StandIn"/>), marked approximate.
/// Only public locations are used, so a sensitive place, or one within a sensitive place, stays generalised.
/// </summary>
public sealed record MapPosition(PublicLocation Location, MapPlace? StandIn)
{
    /// <summary>Each place's position, or null when neither it nor any place it belongs to has coordinates.</summary>
    public static IReadOnlyList<(MapPlace Place, MapPosition? Position)> Of(IReadOnlyList<MapPlace> places)
    {
        var bySlug = places.ToDictionary(place => place.Slug, StringComparer.Ordinal);
        return [.. places.Select(place => (place, For(place, bySlug)))];
    }

    private static MapPosition? For(MapPlace place, Dictionary<string, MapPlace> bySlug)
    {
        if (PublicLocation.For(place.Latitude, place.Longitude, place.IsSensitive) is { } own)
        {
            return new MapPosition(own, null);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal) { place.Slug };
        var sensitive = place.IsSensitive;
        for (var up = Parent(place, bySlug); up is not null && seen.Add(up.Slug); up = Parent(up, bySlug))
        {
            sensitive |= up.IsSensitive;
            if (PublicLocation.For(up.Latitude, up.Longitude, sensitive) is { } theirs)
            {
                return new MapPosition(theirs, up);
            }
        }
        return null;
    }

    private static MapPlace? Parent(MapPlace place, Dictionary<string, MapPlace> bySlug) =>
        place.ParentSlug is { } slug ? bySlug.GetValueOrDefault(slug) : null;
}
