using System.Globalization;
using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Import;

/// <summary>
/// What a dry run looks rows up against, read once for the whole file (not once a row): places by slug,
/// sources by reference, and the existing reports by place, title and date.
/// </summary>
public sealed class ImportLookups
{
    private readonly Dictionary<string, long> _places = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _reports = new(StringComparer.Ordinal);

    private ImportLookups()
    {
    }

    public static async Task<ImportLookups> LoadAsync(Database database, CancellationToken cancellationToken)
    {
        var lookups = new ImportLookups();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var (id, slug, deletedAt) in await connection.QueryAsync<(long, string, string?)>(new CommandDefinition(
            "SELECT id, slug, deleted_at FROM site", cancellationToken: cancellationToken)))
        {
            // A deleted place still holds its slug (it may be restored), but no new record may hang on it.
            lookups._slugs.Add(slug);
            if (deletedAt is null)
            {
                lookups._places[slug] = id;
            }
        }
        foreach (var (id, reference) in await connection.QueryAsync<(long, string)>(new CommandDefinition(
            "SELECT id, reference FROM source WHERE deleted_at IS NULL", cancellationToken: cancellationToken)))
        {
            lookups._sources[reference] = id;
        }
        foreach (var (siteId, title, date, reference) in await connection.QueryAsync<(long, string, string, string)>(new CommandDefinition(
            "SELECT site_id, title, event_date, reference FROM damage_report WHERE deleted_at IS NULL", cancellationToken: cancellationToken)))
        {
            lookups._reports.TryAdd(ReportKey(siteId, title, date), reference);
        }
        return lookups;
    }

    public long? Place(string slug) => _places.TryGetValue(slug, out var id) ? id : null;

    public bool SlugTaken(string slug) => _slugs.Contains(slug);

    public long? Source(string reference) => _sources.TryGetValue(reference, out var id) ? id : null;

    /// <summary>The reference of an existing report of the same place, title (in any case) and date.</summary>
    public string? ExistingReport(string key) => _reports.GetValueOrDefault(key);

    public static string ReportKey(long siteId, string title, string eventDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{siteId}\n{title.Trim().ToUpperInvariant()}\n{eventDate}");
}
