using System.Text.Json;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Seed;

/// <summary>
/// The corrections of issue 11, one test each, on the public record of a fresh seed (a migrated database ends with
/// the same record: SeedUpdateStepTests).
/// </summary>
public sealed class SeedCorrectionTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Correction_1_dates_the_theatre_killings_to_27_May_2015_and_the_video_to_4_July()
    {
        var report = await ReportAsync("PAL-2015-0002");

        Assert.Equal("2015-05-27", report.Text("event_date"));
        Assert.Equal("2015-07-04", report.Text("reported_date"));
        Assert.DoesNotContain("no source gives the day", report.Text("description"));
        Assert.Contains("S76", Sources(report)); // the Syrian Observatory, which gives the day
    }

    [Fact]
    public async Task Correction_2_records_the_museum_as_severely_damaged_and_the_theft_of_its_objects_as_a_report_of_its_own()
    {
        var museum = await ReportAsync("PAL-2015-0003");
        var theft = await ReportAsync("PAL-2015-0025");

        Assert.Equal("severely-damaged", museum.Text("severity"));
        Assert.Contains("S78", Sources(museum));
        Assert.Contains("S79", Sources(museum));
        Assert.Equal(("palmyra-museum", "theft-unauthorised-removal-of-objects"), (theft.Text("site"), theft.Text("cause")));
        Assert.Equal(["S78"], Sources(theft));
    }

    [Theory]
    [InlineData("PAL-2015-0004", "4 km north of Palmyra")]
    [InlineData("PAL-2015-0005", "500 m from the ancient city's Arch of Triumph")]
    public async Task Correction_3_corroborates_the_two_shrines_with_high_certainty_and_dgams_places(string reference, string place)
    {
        var report = await ReportAsync(reference);

        Assert.Equal(("high", "corroborated"), (report.Text("certainty"), report.Text("verification")));
        Assert.Contains(place, report.Text("description"));
        Assert.Contains("S80", Sources(report)); // DGAM, 23 June 2015
        Assert.Contains("S81", Sources(report)); // AP/AFP quoting Abdulkarim
    }

    [Fact]
    public async Task Correction_4_cites_the_bel_blast_to_ap_and_no_longer_to_the_baalshamin_confirmation()
    {
        var report = await ReportAsync("PAL-2015-0014");

        Assert.DoesNotContain("S12", Sources(report));
        Assert.Contains("S13", Sources(report));
        Assert.DoesNotContain("S12", report.Text("description"));
    }

    [Fact]
    public async Task Correction_5_attributes_the_governors_words_to_mayadeen_in_s01_and_the_regrouping_to_s36()
    {
        var description = (await ReportAsync("PAL-2016-0006")).Text("description");

        Assert.Matches(@"Mayadeen[^.]*'desperate'[^.]*Saudi Arabia and Qatar \(S01\)", description);
        Assert.Matches(@"regrouping\s+outside the city \(S36\)", description);
    }

    [Fact]
    public async Task Correction_6_records_the_castles_capture_as_corroborated_by_s01_and_the_syrian_observatory()
    {
        var report = await ReportAsync("PAL-2016-0007");

        Assert.Equal("corroborated", report.Text("verification"));
        Assert.Contains("S01", Sources(report));
        Assert.Contains("S82", Sources(report));
    }

    [Theory]
    [InlineData("PAL-2016-0008")]
    [InlineData("PAL-2016-0009")]
    public async Task Correction_7_credits_the_tetrapylon_and_theatre_findings_to_asor_with_unosat_corroborating(string reference)
    {
        var report = await ReportAsync(reference);

        Assert.Equal("ASOR CHI", report.Text("assessor"));
        Assert.Contains("S83", Sources(report));
        Assert.Contains("corroborates", report.Text("description"));
    }

    [Fact]
    public async Task Correction_8_tells_the_postponed_deal_with_the_academy_from_the_stone_industry_memorandum()
    {
        var report = await ReportAsync("PAL-2020-0001");
        var description = report.Text("description");

        Assert.Contains("Russian Stone Industry Association", description);
        Assert.Contains("Institute for the History of Material Culture", description);
        Assert.DoesNotContain("a Russian organisation from the stone industry", description);
        Assert.Contains("S84", Sources(report));
    }

    [Fact]
    public async Task Correction_9_gives_the_baths_no_arabic_name_that_only_means_the_baths()
    {
        var baths = await _client.GetOkJsonAsync("/api/v1/sites/baths-of-diocletian");

        Assert.Equal(JsonValueKind.Null, baths.GetProperty("name_ar").ValueKind);
    }

    [Fact]
    public async Task Correction_10_describes_the_arch_as_losing_its_main_vault_and_central_span()
    {
        var description = (await ReportAsync("PAL-2015-0024")).Text("description");

        Assert.Contains("main vault", description);
        Assert.Contains("central span", description);
        Assert.DoesNotContain("the tops of its arches collapsed", description);
    }

    [Fact]
    public async Task Correction_11_has_the_baths_and_the_agora_cite_a_source_and_the_senate_say_it_has_none()
    {
        var baths = await _client.GetOkJsonAsync("/api/v1/sources/S86");
        var agora = await _client.GetOkJsonAsync("/api/v1/sources/S79");
        var senate = await _client.GetOkJsonAsync("/api/v1/sites/senate");

        Assert.Contains(baths.GetProperty("cited_by").EnumerateArray(), c => c.Text("site") == "baths-of-diocletian");
        Assert.Contains(agora.GetProperty("cited_by").EnumerateArray(), c => c.Text("site") == "agora");
        Assert.Contains("No source is cited for this place yet", senate.Text("description"));
    }

    [Theory]
    [InlineData("S33")]
    [InlineData("S45")]
    [InlineData("S46")]
    [InlineData("S47")]
    [InlineData("S48")]
    [InlineData("S49")]
    [InlineData("S50")]
    [InlineData("S51")]
    [InlineData("S52")]
    [InlineData("S53")]
    [InlineData("S67")]
    [InlineData("S73")]
    public async Task Correction_12_cites_wikipedia_at_its_own_address_with_the_date_read(string reference)
    {
        var source = await _client.GetOkJsonAsync($"/api/v1/sources/{reference}");

        Assert.Matches(@"^https://[a-z]{2}\.wikipedia\.org/wiki/", source.Text("url"));
        Assert.Equal("2026-11-30", source.Text("accessed_date"));
        Assert.DoesNotContain("mirror", source.Text("notes"));
    }

    private Task<JsonElement> ReportAsync(string reference) => _client.GetOkJsonAsync($"/api/v1/reports/{reference}");

    private static List<string> Sources(JsonElement report) => report.GetProperty("citations").Strings("source");
}
