using System.Globalization;
using System.Text.Json;

namespace HeritageRegistry.Data.Editing;

public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>The column name as words for people: event_date becomes "Event date", site_id "Site", title_ar "Title (Arabic)".</summary>
    public string Label
    {
        get
        {
            var (name, suffix) = Field.Length > 3 && Field.EndsWith("_id", StringComparison.Ordinal) ? (Field[..^3], "")
                : Field.Length > 3 && Field.EndsWith("_ar", StringComparison.Ordinal) ? (Field[..^3], " (Arabic)")
                : (Field, "");
            var words = name.Replace('_', ' ');
            return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..] + suffix;
        }
    }
}

/// <summary>A record's state as JSON in a revision, and the field-level differences between two states.</summary>
public static class Snapshot
{
    public static string ToJson(IReadOnlyDictionary<string, object?> values) => JsonSerializer.Serialize(values);

    public static Dictionary<string, object?> FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value));
    }

    /// <summary>Fields whose value differs, in the order the first state lists them.</summary>
    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after) =>
        before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k)))
            .Select(field => new FieldChange(field, Text(before.GetValueOrDefault(field)), Text(after.GetValueOrDefault(field))))
            .Where(change => change.Before != change.After)
            .ToList();

    public static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        _ => null,
    };
}
