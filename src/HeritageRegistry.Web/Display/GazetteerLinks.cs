namespace HeritageRegistry.Display;

/// <summary>
/// Where a place's identifiers in other gazetteers lead: its UNESCO World Heritage listing, its Pleiades place and its
/// Wikidata item. Defined once for the place page and the API.
/// </summary>
public static class GazetteerLinks
{
    public static string? UnescoWhc(string? id) => Link("https://whc.unesco.org/en/list/", id);

    public static string? Pleiades(string? id) => Link("https://pleiades.stoa.org/places/", id);

    public static string? Wikidata(string? id) => Link("https://www.wikidata.org/wiki/", id);

    private static string? Link(string stem, string? id) => string.IsNullOrWhiteSpace(id) ? null : stem + Uri.EscapeDataString(id.Trim());
}
