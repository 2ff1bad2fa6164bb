using System.Globalization;

namespace HeritageRegistry.Data;

/// <summary>Timestamps are stored as UTC ISO-8601 text so they sort and compare as strings.</summary>
public static class Clock
{
    public static string NowText() => ToText(DateTimeOffset.UtcNow);

    public static string ToText(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string ToText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
