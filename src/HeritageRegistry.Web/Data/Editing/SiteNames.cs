using System.Data;
using Dapper;

namespace HeritageRegistry.Data.Editing;

/// <summary>
/// A place's other names and transliterations (Tadmor, Tadmur, Temple of Baal), edited with the place
/// as one text, a name per line, so history shows a renamed or added name as a line changed.
/// </summary>
public static class SiteNames
{
    public static readonly ChildRows Rows = new("other_names", ReadAsync, WriteAsync);

    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static async Task<string?> ReadAsync(IDbConnection connection, IDbTransaction? transaction, long siteId, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM site_name WHERE site_id = @siteId ORDER BY position, id", new { siteId }, transaction, cancellationToken: cancellationToken));
        return string.Join('\n', names);
    }

    private static async Task<string?> WriteAsync(IDbConnection connection, IDbTransaction transaction, long siteId, string? text,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM site_name WHERE site_id = @siteId",
            new { siteId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO site_name (site_id, name, position) VALUES (@siteId, @name, @position)",
            Parse(text).Select((name, position) => new { siteId, name, position }), transaction, cancellationToken: cancellationToken));
        return null;
    }
}
