using HeritageRegistry.Data;

namespace HeritageRegistry.Pages.Sites;

/// <summary>Turns the flat list of places into depth-first hierarchy order.</summary>
public static class SiteTree
{
    public static IReadOnlyList<(SiteListItem Site, int Depth)> Flatten(IReadOnlyList<SiteListItem> sites)
    {
        var known = sites.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        // A place whose parent is hidden (draft, deleted) is shown at the top rather than lost.
        var children = sites.ToLookup(s => s.ParentSlug is not null && known.Contains(s.ParentSlug) ? s.ParentSlug : null);
        var rows = new List<(SiteListItem, int)>(sites.Count);
        void Visit(string? parent, int depth)
        {
            foreach (var site in children[parent])
            {
                rows.Add((site, depth));
                Visit(site.Slug, depth + 1);
            }
        }
        Visit(null, 0);
        return rows;
    }
}
