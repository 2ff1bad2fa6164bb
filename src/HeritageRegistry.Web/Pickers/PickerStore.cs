using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Pickers;

/// <summary>One record a picker offers: drafts included, since only curators pick.</summary>
public sealed record PickerOption
{
    public long Id { get; init; }
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";
    public string Publication { get; init; } = "";

    public string Text => Picker.Text(Key, Title);
}

/// <summary>
/// Finds records for the pickers, by their key (reference or slug) or by words of their title, English or
/// Arabic; deleted records are never offered. Every answer is bounded, so a registry of a million reports
/// is picked from as quickly as one of eighty.
/// </summary>
public sealed class PickerStore(Database database)
{
    /// <summary>Longer text names nothing: no key or title is this long, and a search for it would only cost.</summary>
    public const int MaxText = 300;

    private const int MaxWords = 8;

    /// <summary>The records whose key or title contain every word of <paramref name="query"/>, keys beginning with it first.</summary>
    public async Task<IReadOnlyList<PickerOption>> SearchAsync(Picker picker, string? query, int limit, CancellationToken cancellationToken)
    {
        var words = Words(query);
        var parameters = new DynamicParameters(new { limit, prefix = Like(words.FirstOrDefault() ?? "", anywhere: false) });
        var conditions = words.Select((word, i) =>
        {
            parameters.Add($"w{i}", Like(word, anywhere: true));
            var arabic = picker.TitleAr is null ? "" : $" OR {picker.TitleAr} LIKE @w{i} ESCAPE '\\'";
            return $" AND (LOWER({picker.Key}) LIKE @w{i} ESCAPE '\\' OR LOWER({picker.Title}) LIKE @w{i} ESCAPE '\\'{arabic})";
        });
        var order = words.Count == 0 ? picker.Key : $"CASE WHEN LOWER({picker.Key}) LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END, {picker.Key}";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PickerOption>(new CommandDefinition(
            $"{Select(picker)}{string.Concat(conditions)} ORDER BY {order} LIMIT @limit", parameters, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The records a typed text names: the one whose key it is (alone or before " — title"), else those whose title
    /// it is exactly, else those containing all its words. Exactly one match is a choice; none or several are not.
    /// </summary>
    public async Task<IReadOnlyList<PickerOption>> ResolveAsync(Picker picker, string text, int most, CancellationToken cancellationToken)
    {
        text = text.Trim();
        // Control characters name nothing, and PostgreSQL refuses a NUL in text outright.
        if (text.Length == 0 || text.Length > MaxText || text.Any(char.IsControl))
        {
            return [];
        }
        var key = text.Split(Picker.Separator, 2)[0].Trim();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.QuerySingleOrDefaultAsync<PickerOption>(new CommandDefinition($"{Select(picker)} AND {picker.Key} = @key",
                    new { key = picker.UpperCaseKey ? key.ToUpperInvariant() : key.ToLowerInvariant() }, cancellationToken: cancellationToken)) is { } byKey)
            {
                return [byKey];
            }
            var arabic = picker.TitleAr is null ? "" : $" OR {picker.TitleAr} = @text";
            var byTitle = (await connection.QueryAsync<PickerOption>(new CommandDefinition(
                $"{Select(picker)} AND (LOWER({picker.Title}) = @lower{arabic}) ORDER BY {picker.Key} LIMIT @most",
                new { text, lower = text.ToLowerInvariant(), most }, cancellationToken: cancellationToken))).AsList();
            if (byTitle.Count > 0)
            {
                return byTitle;
            }
        }
        return await SearchAsync(picker, text, most, cancellationToken);
    }

    /// <summary>How a chosen record reads in its field; null when it is gone.</summary>
    public async Task<string?> TextAsync(Picker picker, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<PickerOption>(new CommandDefinition(
            $"{Select(picker)} AND id = @id", new { id }, cancellationToken: cancellationToken)))?.Text;
    }

    private static string Select(Picker picker) =>
        $"SELECT id, {picker.Key} AS key, {picker.Title} AS title, publication FROM {picker.Table} WHERE deleted_at IS NULL";

    private static List<string> Words(string? text) => (text ?? "")
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(word => string.Concat(word.Where(c => !char.IsControl(c))).ToLowerInvariant())
        .Where(word => word.Length > 0 && word != Picker.Separator)
        .Take(MaxWords)
        .ToList();

    /// <summary>A LIKE pattern matching the word as typed: its own % and _ are not wildcards.</summary>
    private static string Like(string word, bool anywhere) =>
        (anywhere ? "%" : "") + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
