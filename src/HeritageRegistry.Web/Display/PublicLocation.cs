using System.Globalization;

namespace HeritageRegistry.Display;

/// <summary>
/// Coordinates as the public may see them. A sensitive place (looting risk, a photographer's
/// position) is shown only to one decimal degree, about 11 km, on every public output.
/// </summary>
public sealed record PublicLocation(double Latitude, double Longitude, bool IsGeneralised)
{
    public static PublicLocation? For(double? latitude, double? longitude, bool isSensitive) =>
        latitude is not { } lat || longitude is not { } lon ? null
        : isSensitive ? new PublicLocation(Math.Round(lat, 1), Math.Round(lon, 1), true)
        : new PublicLocation(lat, lon, false);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Math.Abs(Latitude):0.####}° {(Latitude >= 0 ? "N" : "S")}, {Math.Abs(Longitude):0.####}° {(Longitude >= 0 ? "E" : "W")}");
}
