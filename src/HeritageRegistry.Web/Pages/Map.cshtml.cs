using HeritageRegistry.Data;
using HeritageRegistry.Maps;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Pages;

public sealed class MapModel(SiteStore sites, IOptions<MapOptions> options) : PageModel
{
    public MapOptions Map { get; } = options.Value;

    /// <summary>Every public place, with where the map draws it (null when neither it nor any place it belongs to has coordinates).</summary>
    public IReadOnlyList<(MapPlace Place, MapPosition? Position)> Places { get; private set; } = [];

    /// <summary>The places with no coordinates of their own, listed beside the map.</summary>
    public IEnumerable<(MapPlace Place, MapPosition? Position)> Unplaced => Places.Where(p => p.Position is null || p.Position.StandIn is not null);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Places = MapPosition.Of(await sites.MapPlacesAsync(cancellationToken));
}
