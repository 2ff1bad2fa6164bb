namespace HeritageRegistry.Photos;

/// <summary>What an accepted upload is: its format and size, and what its EXIF said (GPS is for curators only).</summary>
public sealed record PhotoFacts(string Format, int Width, int Height, string? TakenAt, string? Camera, double? Latitude, double? Longitude);
