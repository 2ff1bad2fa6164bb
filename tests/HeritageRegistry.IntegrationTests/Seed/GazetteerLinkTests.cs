using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>A place's UNESCO, Pleiades and Wikidata identifiers, as links on its page and in the API.</summary>
public sealed class GazetteerLinkTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Palmyra_links_to_its_unesco_listing_and_its_pleiades_place_on_its_page_and_in_the_api()
    {
        var page = await _client.GetPageAsync("/sites/palmyra");
        var ids = (await _client.GetOkJsonAsync("/api/v1/sites/palmyra")).GetProperty("external_ids");

        Assert.NotNull(page.QuerySelector("a[href='https://whc.unesco.org/en/list/23']"));
        Assert.NotNull(page.QuerySelector("a[href='https://pleiades.stoa.org/places/668331']"));
        Assert.Equal(("23", "https://whc.unesco.org/en/list/23"), (ids.Text("unesco_whc"), ids.Text("unesco_whc_url")));
        Assert.Equal(("668331", "https://pleiades.stoa.org/places/668331"), (ids.Text("pleiades"), ids.Text("pleiades_url")));
    }

    [Fact]
    public async Task The_agora_links_to_its_pleiades_place_and_its_wikidata_item_on_its_page_and_in_the_api()
    {
        var page = await _client.GetPageAsync("/sites/agora");
        var ids = (await _client.GetOkJsonAsync("/api/v1/sites/agora")).GetProperty("external_ids");

        Assert.NotNull(page.QuerySelector("a[href='https://www.wikidata.org/wiki/Q108355868']"));
        Assert.NotNull(page.QuerySelector("a[href='https://pleiades.stoa.org/places/844139526']"));
        Assert.Equal("https://www.wikidata.org/wiki/Q108355868", ids.Text("wikidata_url"));
        Assert.Equal("https://pleiades.stoa.org/places/844139526", ids.Text("pleiades_url"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ids.GetProperty("unesco_whc_url").ValueKind);
    }
}
