using HeritageRegistry.Maps;

namespace HeritageRegistry.UnitTests.Maps;

public sealed class MapOptionsTests
{
    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("http://127.0.0.1:9/{z}/{x}/{y}.png", "http://127.0.0.1:9")]
    [InlineData("https://tiles.example.org:8443/osm/{z}/{x}/{y}.png?key=abc", "https://tiles.example.org:8443")]
    public void The_csp_source_is_the_tile_servers_origin_and_nothing_more(string tileUrl, string source) =>
        Assert.Equal(source, new MapOptions { TileUrl = tileUrl }.TileSource);

    [Theory]
    [InlineData("tiles/{z}/{x}/{y}.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    public void A_tile_url_that_is_not_absolute_http_is_refused_at_start(string tileUrl)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MapOptions { TileUrl = tileUrl }.TileSource);
        Assert.Contains("Registry:Map:TileUrl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_tile_url_means_no_tiles_and_no_csp_source(string tileUrl)
    {
        var options = new MapOptions { TileUrl = tileUrl };
        Assert.False(options.HasTiles);
        Assert.Null(options.TileSource);
    }
}
