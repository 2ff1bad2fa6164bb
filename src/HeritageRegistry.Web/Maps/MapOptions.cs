namespace HeritageRegistry.Maps;

/// <summary>
/// Where the map's background tiles come from. Bound from "Registry:Map" (environment:
/// <c>Registry__Map__TileUrl</c>). The content security policy of /map allows images from this
/// tile server's origin and no other. An empty TileUrl means no tiles: the map then draws its own plain
/// base and makes no request beyond this site; so it does when the tiles cannot be reached.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Registry:Map";

    /// <summary>A Leaflet tile URL template: {z}/{x}/{y}, and {s} for a subdomain; empty for no tiles.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>The credit the tile provider requires, as HTML (it is the operator's text, shown as given).</summary>
    public string TileAttribution { get; set; } =
        "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>The CSP source for the tiles: the template's origin, with a {s} subdomain as a wildcard; null without tiles.</summary>
    public string? TileSource
    {
        get
        {
            if (!HasTiles)
            {
                return null;
            }
            var template = TileUrl.Replace("{s}", "tiles", StringComparison.Ordinal);
            if (!Uri.TryCreate(template, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"{Section}:TileUrl must be an absolute http(s) URL template; '{TileUrl}' is not.");
            }
            var host = TileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + url.Host[(url.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] : url.Host;
            return url.IsDefaultPort ? $"{url.Scheme}://{host}" : $"{url.Scheme}://{host}:{url.Port}";
        }
    }
}
