using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using Microsoft.AspNetCore.OutputCaching;

namespace HeritageRegistry.Hosting;

/// <summary>
/// Public read pages are served from the output cache, and a change evicts only the pages that show what
/// changed. Each record page tags itself with the records it shows (<see cref="Shows"/>, by row id, so a
/// renamed slug still finds its pages); lists, the home page, the map and search carry <see cref="Lists"/>,
/// which every change evicts. Signed-in curators bypass the cache (the default policy skips authenticated
/// requests), so they always see drafts and their edits.
/// </summary>
public static class PublicPageCaching
{
    /// <summary>Pages that show any number of records: every change evicts them.</summary>
    public const string Lists = "lists";

    /// <summary>Every cached page, for when this node may have missed changes (<see cref="NodeNotifications"/>).</summary>
    public const string AllPages = "public-pages";

    private const string ListPolicy = "public-lists";
    private const string RecordPolicy = "public-records";

    private static readonly string[] ListPages = ["/Index", "/Sites/Index", "/Reports/Index", "/Sources/Index", "/Methodology", "/Map", "/Search/Index"];
    private static readonly string[] RecordPages = ["/Sites/Site", "/Sites/Compare", "/Photos/Photo", "/Reports/Report", "/Sources/Source"];

    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // A page is kept once per language: the key names the language, not only the address, so an English
            // page is never served for an Arabic one however the address is spelled; a record's tag evicts both.
            options.AddPolicy(ListPolicy, policy => policy.Tag(AllPages, Lists).VaryByValue(Language).Expire(TimeSpan.FromMinutes(10)));
            options.AddPolicy(RecordPolicy, policy => policy.Tag(AllPages).VaryByValue(Language).Expire(TimeSpan.FromMinutes(10)));
        });
        services.AddSingleton<IRecordsChangedListener, Eviction>();
        return services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            foreach (var (pages, policy) in new[] { (ListPages, ListPolicy), (RecordPages, RecordPolicy) })
            {
                foreach (var page in pages)
                {
                    options.Conventions.AddPageApplicationModelConvention(page,
                        model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = policy }));
                }
            }
        });
    }

    private static KeyValuePair<string, string> Language(HttpContext context) =>
        new("language", System.Globalization.CultureInfo.CurrentUICulture.Name);

    /// <summary>Tags the page being cached with records it shows, so a change to any of them evicts it.</summary>
    public static void Shows(this HttpContext context, RecordType type, params IEnumerable<long?> ids)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } tags)
        {
            foreach (var id in ids)
            {
                if (id is { } value)
                {
                    tags.Add(Tag(type.Name, value));
                }
            }
        }
    }

    /// <summary>Tags a place's own page, whose timeline and condition take in every place within it: a change
    /// to any of those (or a new report on one) evicts it, without evicting every page that names the place.</summary>
    public static void IsPageOfPlace(this HttpContext context, long siteId)
    {
        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(Tag(PlacePage, siteId));
    }

    private const string PlacePage = "place-page";

    private static string Tag(string type, long id) => $"{type}:{id}";

    /// <summary>After every committed change, evicts the lists, the pages that show the changed records, and the
    /// pages each record appears on that may not show it yet (a new report on its place and every place it is within).</summary>
    private sealed class Eviction(IOutputCacheStore cache, Database database) : IRecordsChangedListener
    {
        public async Task RecordsChangedAsync(IReadOnlyCollection<ChangedRecord> changed, CancellationToken cancellationToken)
        {
            var tags = new HashSet<string>(StringComparer.Ordinal) { Lists };
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                foreach (var record in changed)
                {
                    tags.Add(Tag(record.Type.Name, record.Id));
                    if (AppearsOn.TryGetValue(record.Type.Name, out var sql))
                    {
                        var pages = await connection.QueryAsync<(string Type, long Id)>(
                            new CommandDefinition(sql, new { id = record.Id }, cancellationToken: cancellationToken));
                        tags.UnionWith(pages.Select(page => Tag(page.Type, page.Id)));
                    }
                }
            }
            foreach (var tag in tags)
            {
                await cache.EvictByTagAsync(tag, cancellationToken);
            }
        }

        // A place and every place it is within (their timelines and condition summaries take in their parts),
        // starting from the place that a row of the table points at with the column.
        private static string PlaceAndAncestors(string column, string table) => $"""
            WITH RECURSIVE up (id) AS (
                SELECT s.id FROM site s WHERE s.id = (SELECT {column} FROM {table} WHERE id = @id)
                UNION -- not ALL: a cycle of parents ends
                SELECT s.parent_id FROM site s JOIN up ON s.id = up.id WHERE s.parent_id IS NOT NULL
            )
            SELECT '{PlacePage}', id FROM up
            """;

        private static readonly Dictionary<string, string> AppearsOn = new(StringComparer.Ordinal)
        {
            ["site"] = PlaceAndAncestors("parent_id", "site"),
            ["report"] = PlaceAndAncestors("site_id", "damage_report"),
            ["photo"] = """
                SELECT 'site', site_id FROM photo WHERE id = @id
                UNION ALL SELECT 'report', report_id FROM photo WHERE id = @id AND report_id IS NOT NULL
                """,
            ["citation"] = """
                SELECT 'source', source_id FROM citation WHERE id = @id
                UNION ALL SELECT 'report', report_id FROM citation WHERE id = @id AND report_id IS NOT NULL
                UNION ALL SELECT 'site', site_id FROM citation WHERE id = @id AND site_id IS NOT NULL
                UNION ALL SELECT 'photo', photo_id FROM citation WHERE id = @id AND photo_id IS NOT NULL
                """,
            ["disagreement"] = """
                SELECT 'site', site_id FROM disagreement WHERE id = @id AND site_id IS NOT NULL
                UNION ALL SELECT 'report', report_id FROM disagreement WHERE id = @id AND report_id IS NOT NULL
                """,
        };
    }
}
