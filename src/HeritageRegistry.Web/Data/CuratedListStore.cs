using Dapper;
using HeritageRegistry.Search;

namespace HeritageRegistry.Data;

/// <summary>
/// The curators' lists: every record of a type, drafts and deleted ones included, filtered, searched, sorted and paged.
/// <para>
/// Words are matched on text folded by <see cref="SearchText"/> (accents, case, Arabic letter forms and article), the
/// folding the public search uses, so a curator finds a draft with the same words as a reader finds it published.
/// Folding is C#, and the full-text index holds public records only, so the words are matched here, on the rows the
/// filters leave, read as a stream of their id and title in the list's order: memory holds one page, and time grows
/// with the records filtered (a folded column in each table would need every writer, seed and import included, to fill it).
/// </para>
/// </summary>
public sealed class CuratedListStore(Database database)
{
    public async Task<CuratedPage> PageAsync(CuratedList list, CuratedListQuery query, CancellationToken cancellationToken)
    {
        var (with, where, parameters) = Conditions(list, query);
        var direction = query.Descending ? "DESC" : "ASC";
        var order = $"ORDER BY {query.Sort.Sql} {direction}, x.id {direction}";
        var offset = (query.Page - 1) * query.PageSize;
        await using var connection = await database.OpenAsync(cancellationToken);
        if (Words(query.Text) is not { Count: > 0 } words)
        {
            var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"{with} SELECT COUNT(*) FROM {list.FromSql} WHERE {where}", parameters, cancellationToken: cancellationToken));
            parameters.Add("size", query.PageSize);
            parameters.Add("offset", offset);
            var items = await connection.QueryAsync<CuratedItem>(new CommandDefinition(
                $"{with} {Select(list)} WHERE {where} {order} LIMIT @size OFFSET @offset", parameters, cancellationToken: cancellationToken));
            return new CuratedPage(items.AsList(), total);
        }

        var (matched, ids) = (0L, new List<long>(query.PageSize));
        var rows = connection.QueryUnbufferedAsync<TextRow>(
            $"{with} SELECT x.id, {list.SearchSql} AS text FROM {list.FromSql} WHERE {where} {order}", parameters);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var folded = SearchText.Fold(row.Text);
            if (words.All(word => folded.Contains(word, StringComparison.Ordinal)))
            {
                if (matched >= offset && ids.Count < query.PageSize)
                {
                    ids.Add(row.Id);
                }
                matched++;
            }
        }
        if (ids.Count == 0)
        {
            return new CuratedPage([], matched);
        }
        parameters.Add("ids", ids);
        var found = (await connection.QueryAsync<CuratedItem>(new CommandDefinition(
            $"{with} {Select(list)} WHERE {database.Dialect.InList("x.id", "@ids")}", parameters, cancellationToken: cancellationToken))).ToDictionary(item => item.Id);
        return new CuratedPage([.. ids.Select(id => found[id])], matched);
    }

    /// <summary>Places to filter by, by English name.</summary>
    public async Task<IReadOnlyList<PlaceChoice>> PlacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PlaceChoice>(new CommandDefinition(
            "SELECT slug, name_en, name_ar FROM site ORDER BY name_en, slug", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every user, by name: the few people of a registry (revisions, which are many, have no index by user to ask who wrote any).</summary>
    public async Task<IReadOnlyList<AuthorChoice>> AuthorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AuthorChoice>(new CommandDefinition(
            "SELECT login, display_name FROM app_user ORDER BY display_name, login", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The query's filters as a WITH clause (the place and the places within it), a WHERE condition and its parameters.</summary>
    private static (string With, string Where, DynamicParameters Parameters) Conditions(CuratedList list, CuratedListQuery query)
    {
        var parameters = new DynamicParameters(new { type = list.Type });
        var conditions = new List<string> { query.State?.Where ?? CurationState.NotDeleted };
        var with = "";
        if (query.Site is not null && list.PlaceColumn is not null)
        {
            with = """
                WITH RECURSIVE within(id) AS (
                    SELECT id FROM site WHERE slug = @site
                    UNION SELECT s.id FROM site s JOIN within w ON s.parent_id = w.id
                )
                """;
            conditions.Add($"x.{list.PlaceColumn} IN (SELECT id FROM within)");
            parameters.Add("site", query.Site);
        }
        if (query.Author is not null)
        {
            // Who created the record, or made its latest change.
            conditions.Add("""
                EXISTS (SELECT 1 FROM revision rv JOIN app_user u ON u.id = rv.user_id
                        WHERE rv.entity_type = @type AND rv.entity_id = x.id AND u.login = @author
                          AND (rv.action = 'create'
                               OR rv.id = (SELECT MAX(latest.id) FROM revision latest WHERE latest.entity_type = @type AND latest.entity_id = x.id)))
                """);
            parameters.Add("author", query.Author);
        }
        return (with, string.Join(" AND ", conditions), parameters);
    }

    private static string Select(CuratedList list) => $"""
        SELECT x.id, {list.KeySql} AS key, {list.TitleSql} AS label,
               {(list.PlaceColumn is null ? "NULL AS place, NULL AS place_ar" : "p.name_en AS place, p.name_ar AS place_ar")},
               {CurationState.CodeSql} AS state, x.updated_at,
               (SELECT u.display_name FROM revision rv JOIN app_user u ON u.id = rv.user_id
                WHERE rv.entity_type = @type AND rv.entity_id = x.id ORDER BY rv.id DESC LIMIT 1) AS changed_by
        FROM {list.FromSql}
        """;

    /// <summary>The folded words of a search, each of which a record's text must contain.</summary>
    private static List<string>? Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var folded = SearchText.Fold(text);
        return [.. SearchText.Words(folded).Select(range => folded[range])];
    }

    private sealed record TextRow
    {
        public long Id { get; init; }
        public string? Text { get; init; }
    }
}
