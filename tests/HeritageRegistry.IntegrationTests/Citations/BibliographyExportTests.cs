using HeritageRegistry.Accounts;
using System.Net;
using System.Text.Json;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Citations;

public sealed class BibliographyExportTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task All_sources_download_as_csl_json_that_a_json_parser_reads_back_whole()
    {
        var response = await _client.GetAsync("/sources/export.json");
        using var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/vnd.citationstyles.csl+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SeedCounts.Sources, items.RootElement.GetArrayLength());
        var s13 = items.RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "S13");
        Assert.Equal("article-newspaper", s13.GetProperty("type").GetString());
        var parts = s13.GetProperty("issued").GetProperty("date-parts").EnumerateArray().Select(p => p.EnumerateArray().Select(n => n.GetInt32()).ToArray()).ToList();
        Assert.Equal([[2015, 9, 1]], parts);
    }

    [Fact]
    public async Task An_uncertain_or_approximate_date_stays_honest_in_every_format()
    {
        var json = await _client.GetStringAsync("/sources/S01/cite.json");
        var bib = await _client.GetStringAsync("/sources/S01/cite.bib");
        var ris = await _client.GetStringAsync("/sources/S01/cite.ris");

        Assert.Contains("date = {2016-12-11?}", bib);
        Assert.Contains("DA  - 2016/12/11/2016-12-11?", ris);
        Assert.Contains("\"date-parts\"", json);
    }

    [Fact]
    public async Task Bibtex_escapes_latex_specials_and_keeps_one_entry_per_source()
    {
        var bib = await _client.GetStringAsync("/sources/export.bib");

        Assert.Equal(SeedCounts.Sources, bib.Split("\n@", StringSplitOptions.None).Length);
        Assert.Contains(@"Iraq, Nepal, Syria \& Yemen", bib);
        Assert.DoesNotContain(" & Yemen", bib);
        Assert.Contains("author = {Danti, M.D. and Ali, C.", bib);
    }

    [Fact]
    public async Task Ris_has_a_record_per_source_each_closed_by_er()
    {
        var ris = await _client.GetStringAsync("/sources/export.ris");
        var lines = ris.Split("\r\n");

        Assert.Equal(SeedCounts.Sources, lines.Count(l => l.StartsWith("TY  - ", StringComparison.Ordinal)));
        Assert.Equal(SeedCounts.Sources, lines.Count(l => l == "ER  - "));
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Matches("^[A-Z][A-Z0-9]  - ", l));
    }

    [Fact]
    public async Task A_places_bibliography_holds_the_sources_cited_about_it()
    {
        var ris = await _client.GetStringAsync("/sites/bel-cella/sources.ris");

        Assert.Contains("ID  - S13", ris);
        Assert.DoesNotContain("ID  - S01\r\n", ris);
    }

    [Fact]
    public async Task Arabic_titles_come_through_every_format_unchanged()
    {
        // Its own registry: adding a source here must not change the counts the other tests check.
        using var factory = new RegistryFactory();
        using var client = factory.CreateClient();
        using var curator = await CuratorSession.SignInAsync(factory, Roles.Editor);
        const string title = "تدمر: تقرير المديرية العامة للآثار والمتاحف";
        var (_, edit) = await curator.SubmitAsync("/curate/sources/edit", "form.record-form",
            new() { ["Input.Title"] = title, ["Input.Kind"] = "official-statement", ["Input.Language"] = "ar", ["Input.PublishedDate"] = "2016-04~" });
        await curator.SubmitAsync(edit, "form[action*='handler=Publish']", []);
        var reference = edit.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();

        foreach (var format in new[] { "json", "bib", "ris" })
        {
            var text = await client.GetStringAsync($"/sources/{reference}/cite.{format}");
            Assert.Contains(title, text);
        }
        Assert.Contains("\"circa\": true", await client.GetStringAsync($"/sources/{reference}/cite.json"));
    }

    [Fact]
    public async Task A_place_page_can_be_cited_with_its_permanent_address_record_version_and_access_date()
    {
        var page = await _client.GetPageAsync("/sites/temple-of-bel");
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var text = page.QuerySelector(".cite-this-page .citation-text")!.TextContent;
        var bib = await _client.GetStringAsync(page.QuerySelector(".cite-this-page a[href$='.bib']")!.GetAttribute("href")!);
        using var csl = JsonDocument.Parse(await _client.GetStringAsync("/sites/temple-of-bel/cite.json"));

        Assert.Equal($"Heritage Registry. “Temple of Bel.” Record version 1, last changed {today}. http://localhost/sites/temple-of-bel (accessed {today}).", text);
        Assert.StartsWith("@online{palmyra-site-temple-of-bel,", bib);
        Assert.Contains("url = {http://localhost/sites/temple-of-bel}", bib);
        Assert.Contains("note = {Record version 1}", bib);
        Assert.Equal("webpage", csl.RootElement[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Citations_name_the_configured_public_address_not_the_requests_host()
    {
        using var factory = new RegistryFactory { PublicBaseUrl = "https://palmyra.example.org" };

        var bib = await factory.CreateClient().GetStringAsync("/sites/temple-of-bel/cite.bib");

        Assert.Contains("url = {https://palmyra.example.org/sites/temple-of-bel}", bib);
    }

    [Fact]
    public async Task A_report_page_can_be_cited_in_ris()
    {
        var reports = await _client.GetPageAsync("/reports");
        var reference = reports.QuerySelector("table.reports .ref")!.TextContent.Trim();

        var ris = await _client.GetStringAsync($"/reports/{reference}/cite.ris");

        Assert.StartsWith("TY  - ELEC\r\n", ris);
        Assert.Contains($"UR  - http://localhost/reports/{reference}\r\n", ris);
        Assert.Contains("N1  - Record version 1", ris);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_problem_and_an_unknown_source_a_404()
    {
        var unknownFormat = await _client.GetAsync("/sources/S01/cite.docx");
        var unknownSource = await _client.GetAsync("/sources/S999/cite.bib");

        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat.StatusCode);
        Assert.Equal("application/problem+json", unknownFormat.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".bib (BibLaTeX)", await unknownFormat.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownSource.StatusCode);
    }
}
