using HeritageRegistry.Localization;
using System.ComponentModel;
using System.Text.Json.Serialization;
using HeritageRegistry.Data;
using HeritageRegistry.Display;
using HeritageRegistry.Maps;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HeritageRegistry.Api;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "FeatureCollection is GeoJSON's own name for it.")]
[Description("RFC 7946 FeatureCollection of the published places that have coordinates, or belong to a place that has some.")]
public sealed record GeoFeatureCollection(IReadOnlyList<GeoFeature> Features)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

public sealed record GeoFeature([property: Description("The place's slug.")] string Id, GeoPoint Geometry, GeoPlace Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";
}

public sealed record GeoPoint([property: Description("[longitude, latitude] in WGS84 degrees (RFC 7946 order).")] IReadOnlyList<double> Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Point";
}

public sealed record GeoPlace(string Slug, string NameEn, string? NameAr, string Kind,
    [property: Description("Severity code the place is coloured by: its latest assessment's (for a restoration, the condition after it), or for a place with places within it the worst of theirs; null when none states one.")] string? Condition,
    [property: Description("The condition in words, as the place's page says it (the rule is on /methodology).")] string ConditionText,
    [property: Description("The place's page.")] string Url,
    [property: Description("True when the place is sensitive and its point is generalised to one decimal degree.")] bool LocationGeneralised,
    [property: Description("For a place without coordinates of its own: the slug of the nearest place it belongs to that has some, whose point it is given, approximately. Null when the point is the place's own.")] string? LocatedBy);

public static class GeoJsonApi
{
    public const string ContentType = "application/geo+json";

    public static RouteGroupBuilder MapGeoJsonApi(this RouteGroupBuilder api)
    {
        api.MapRead("/sites.geojson", GetAsync).WithName("SitesGeoJson").WithTags("Places")
            .WithSummary("Every published place with coordinates as GeoJSON points, coloured on the map by condition; a place without is given the point of the place it belongs to, marked located_by.")
            .Produces<GeoFeatureCollection>(StatusCodes.Status200OK, ContentType);
        return api;
    }

    private static async Task<JsonHttpResult<GeoFeatureCollection>> GetAsync(HttpContext context, SiteStore sites, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(context);
        var features = new List<GeoFeature>();
        foreach (var (place, position) in MapPosition.Of(await sites.MapPlacesAsync(cancellationToken)))
        {
            if (position is { Location: var at })
            {
                features.Add(new GeoFeature(place.Slug, new GeoPoint([at.Longitude, at.Latitude]),
                    new GeoPlace(place.Slug, place.NameEn, place.NameAr, place.Kind, place.Condition.Colour, Languages.InEnglish(() => ConditionText.Of(place.Condition)),
                        links.Site(place.Slug).Html, at.IsGeneralised, position.StandIn?.Slug)));
            }
        }
        return TypedResults.Json(new GeoFeatureCollection(features), contentType: ContentType);
    }
}
