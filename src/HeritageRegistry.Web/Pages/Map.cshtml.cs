using HeritageRegistry.Data;
using HeritageRegistry.Display;
using HeritageRegistry.Maps;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Pages;

public sealed class MapModel(SiteStore sites, IOptions<MapOptions> options) : PageModel
{
    public MapOptions Map { get; } = options.Value;

    /// <summary>Every public place, with its location as the public may see it (null when none is on record).</summary>
    public IReadOnlyList<(MapPlace Place, PublicLocation? Location)> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Places = [.. (await sites.MapPlacesAsync(cancellationToken))
            .Select(place => (place, PublicLocation.For(place.Latitude, place.Longitude, place.IsSensitive)))];
}
