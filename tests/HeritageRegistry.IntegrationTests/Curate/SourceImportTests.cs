using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

public sealed class SourceImportTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string Page = "/curate/sources/import";
    private const string PreviewForm = "form[action*='handler=Preview']";
    private const string CreateForm = "form[action*='handler=Create']";

    [Fact]
    public async Task A_pasted_bibtex_file_is_previewed_then_imported_as_drafts_with_their_history()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var before = await SourceCountAsync(curator);

        var (response, preview) = await curator.SubmitAsync(Page, PreviewForm, new()
        {
            ["Input.Text"] = """
                @report{unosat-bel, title = {Damage to the Temple of {Bel}, Tadmor}, author = {{UNITAR-UNOSAT}},
                  institution = {UNITAR}, date = {2015-08-31}, doi = {10.9999/import.bel}, type = {Satellite analysis}}
                @online{sana, title = {تدمر: معبد بعل شمين}, date = {2015-08~}, url = {https://sana.example/baalshamin}, langid = {arabic}}
                """,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Ready to import", "Ready to import"], Results(preview));
        Assert.Equal(before, await SourceCountAsync(curator)); // a preview writes nothing

        var (created, list) = await curator.SubmitAsync(preview, CreateForm, []);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Imported 2 sources as drafts.", list.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(before + 2, await SourceCountAsync(curator));
        var newest = list.QuerySelectorAll("table.curate-list tbody tr").Select(r => r.QuerySelector("code")!.TextContent)
            .MaxBy(reference => int.Parse(reference[1..], System.Globalization.CultureInfo.InvariantCulture)); // S100 comes after S99
        var source = await curator.Client.GetPageAsync($"/sources/{newest}");
        Assert.Contains("تدمر: معبد بعل شمين", source.QuerySelector("h1")!.TextContent);
        Assert.Contains("Draft", source.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await registry.CreateClient().GetAsync($"/sources/{newest}")).StatusCode);
    }

    [Fact]
    public async Task An_entry_with_a_problem_stops_the_whole_import_and_each_problem_is_shown_at_its_entry()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var before = await SourceCountAsync(curator);
        const string ris = "TY  - NEWS\nTI  - A good entry\nUR  - https://example.org/good\nER  - \n\n"
                           + "TY  - NEWS\nUR  - ftp://example.org/bad\nDA  - last summer\nER  - \n";

        var (response, preview) = await curator.SubmitAsync(Page, PreviewForm, new() { ["Input.Text"] = ris });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var results = Results(preview);
        Assert.Equal("Ready to import", results[0]);
        Assert.Contains("Give the source's title.", results[1]);
        Assert.Contains("Enter a full web address starting with http:// or https://.", results[1]);
        Assert.Contains("'last summer' is not a date", results[1]);
        Assert.Null(preview.QuerySelector(CreateForm));

        // Even posted straight to the create handler, a file with a bad entry creates nothing.
        var forced = await curator.Client.PostAsync($"{Page}?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(preview), ["Input.Text"] = ris, ["Input.Format"] = "auto", ["Input.DefaultKind"] = "news",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.Equal(before, await SourceCountAsync(curator));
    }

    [Fact]
    public async Task Entries_with_the_doi_or_web_address_of_a_known_source_are_skipped_as_duplicates()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var before = await SourceCountAsync(curator);
        // S01's address written with http, without www. and with a trailing slash is still S01.
        const string json = """
            [ { "id": "a", "type": "article-journal", "title": "First", "DOI": "10.9999/Twice" },
              { "id": "b", "type": "article-journal", "title": "Same DOI, other case", "DOI": "https://doi.org/10.9999/twice" },
              { "id": "c", "type": "article-newspaper", "title": "Founding article again",
                "URL": "http://irishexaminer.com/breakingnews/world/islamic-state-recaptures-ancient-syrian-city-palmyra-768130.html/" } ]
            """;

        var (_, preview) = await curator.SubmitAsync(Page, PreviewForm, new() { ["Input.Text"] = json });

        var results = Results(preview);
        Assert.Equal("Ready to import", results[0]);
        Assert.Equal("Skipped: same DOI or web address as entry 1 above", results[1]);
        Assert.Equal("Skipped: same DOI or web address as S01", results[2]);
        await curator.SubmitAsync(preview, CreateForm, []);
        Assert.Equal(before + 1, await SourceCountAsync(curator));

        var (_, again) = await curator.SubmitAsync(Page, PreviewForm, new() { ["Input.Text"] = json });
        Assert.StartsWith("Skipped: same DOI or web address as S", Results(again)[0], StringComparison.Ordinal);
        Assert.Contains("there is nothing new to import", again.Text());
    }

    [Fact]
    public async Task A_file_can_be_uploaded_instead_of_pasted()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var page = await curator.Client.GetPageAsync(Page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent("auto"), "Input.Format" },
            { new StringContent("report"), "Input.DefaultKind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("\uFEFFTY  - GEN\r\nTI  - Uploaded Lāt\r\nER  - \r\n")), "file", "sources.ris" },
        };

        var response = await curator.Client.PostAsync($"{Page}?handler=Preview", content);
        var preview = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("read as RIS", preview.QuerySelector("#preview-heading")!.TextContent);
        Assert.Contains("Uploaded Lāt", preview.QuerySelector(".import-preview tbody strong")!.TextContent);
        Assert.Contains("Report", preview.QuerySelector(".import-preview tbody .muted")!.TextContent); // the chosen default kind
    }

    [Theory]
    [InlineData("[ { \"title\": \"x\" }, ]]", "The file is not valid JSON (line 1")]
    [InlineData("just some words", "The file is not BibTeX, RIS or CSL-JSON")]
    [InlineData("@comment{nothing here}", "No entries were found in this BibTeX file.")]
    public async Task An_unreadable_file_is_refused_with_a_message(string text, string message)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);

        var (response, page) = await curator.SubmitAsync(Page, PreviewForm, new() { ["Input.Text"] = text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".import-preview [role=alert]")!.TextContent);
    }

    private static List<string> Results(IHtmlDocument page) =>
        page.QuerySelectorAll(".import-preview tbody tr").Select(row => row.QuerySelectorAll("td")[^1].TextContent.ReplaceLineEndings(" ").Trim())
            .Select(text => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();

    private static string Token(IHtmlDocument page) => ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    private static async Task<long> SourceCountAsync(CuratorSession curator) =>
        (await curator.Client.GetPageAsync("/curate/sources")).Total();
}
