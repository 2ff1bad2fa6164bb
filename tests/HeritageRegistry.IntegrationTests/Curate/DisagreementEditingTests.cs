using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Curate;

public sealed class DisagreementEditingTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string SaveForm = "form.record-form";

    [Fact]
    public async Task A_curator_corrects_a_version_and_can_undo_it_from_the_history()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var edit = await OpenAsync(curator, "/sites/palmyra", "Date of the first recapture");

        var (saved, _) = await curator.SubmitAsync(edit, SaveForm, new()
        {
            ["Input.Versions[1].Statement"] = "24 March 2016, in ASOR's special report, before the final assault.",
            ["Input.Versions[1].Sources"] = "S28 p. 2; s40",
            ["Input.EditNote"] = "ASOR's date is also in S40",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var asor = await VersionAsync("24 March 2016");
        Assert.Contains("before the final assault", asor.TextContent);
        Assert.Equal(["/sources/S28", "/sources/S40"], asor.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var history = await curator.Client.GetPageAsync($"/curate/history/disagreement/{Id(saved)}");
        var change = history.QuerySelector(".revision .diff tbody tr")!;
        Assert.Equal("Versions", change.QuerySelector("th")!.TextContent);
        Assert.Contains("24 March 2016, in ASOR's special report on the recapture. | S28", change.QuerySelector("del")!.TextContent);
        Assert.Contains("S28 p. 2; S40", change.QuerySelector("ins")!.TextContent);

        await curator.SubmitAsync(history, ".revision:last-child form", []);
        Assert.Equal(["/sources/S28"], (await VersionAsync("24 March 2016")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_new_disagreement_about_a_place_appears_on_its_public_page()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var site = await curator.Client.GetPageAsync("/curate/sites/edit/" + await SiteIdAsync(curator, "Roman Theatre"));
        var form = await curator.Client.GetPageAsync(site.QuerySelector("#disagreements-heading + * a, section[aria-labelledby=disagreements-heading] a.button")!.GetAttribute("href")!);

        var (response, _) = await curator.SubmitAsync(form, SaveForm, new()
        {
            ["Input.Topic"] = "When the theatre was built",
            ["Input.Versions[0].Statement"] = "Early second century AD.", ["Input.Versions[0].Sources"] = "S49",
            ["Input.Versions[1].Statement"] = "Under the Severans, about 200 AD.", ["Input.Versions[1].Sources"] = "S01 para. 3",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await registry.CreateClient().GetPageAsync("/sites/roman-theatre");
        var disagreement = page.QuerySelectorAll(".disagreement").Single(d => d.TextContent.Contains("When the theatre was built", StringComparison.Ordinal));
        Assert.Equal(2, disagreement.QuerySelectorAll(".disagreement-versions li").Length);
    }

    [Theory]
    [InlineData("Input.Versions[1].Statement", "", "A disagreement needs at least two versions.")]
    [InlineData("Input.Versions[1].Sources", "", "Every version needs at least one source")]
    [InlineData("Input.Versions[1].Sources", "S28, S31", "separated by semicolons")]
    [InlineData("Input.Versions[1].Sources", "S999", "There is no source S999.")]
    [InlineData("Input.Topic", "", "Say what the sources disagree about.")]
    public async Task A_disagreement_with_bad_input_is_refused_and_nothing_changes(string field, string value, string message)
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var edit = await OpenAsync(curator, "/sites/palmyra", "Date of the first recapture");

        var (response, page) = await curator.SubmitAsync(edit, SaveForm, new() { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.Text());
        Assert.Equal(["/sources/S28"], (await VersionAsync("24 March 2016")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_second_curator_saving_over_an_older_form_gets_a_conflict()
    {
        using var first = await CuratorSession.SignInAsync(registry.Factory);
        using var second = await CuratorSession.SignInAsync(registry.Factory);
        var firstForm = await OpenAsync(first, "/sites/tower-of-elahbel", "storeys");
        var secondForm = await second.Client.GetPageAsync(firstForm.Url);

        await first.SubmitAsync(firstForm, SaveForm, new() { ["Input.Note"] = "Photographs before 2015 show four storeys above the base." });
        var (response, page) = await second.SubmitAsync(secondForm, SaveForm, new() { ["Input.Note"] = "Unclear." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Photographs before 2015", page.QuerySelector(".conflict")!.TextContent);
    }

    [Fact]
    public async Task A_deleted_disagreement_leaves_the_public_page()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var edit = await OpenAsync(curator, "/sites/lion-of-allat", "Lion");

        await curator.SubmitAsync(edit, "form[action*='handler=Delete']", []);

        var page = await registry.CreateClient().GetPageAsync("/sites/lion-of-allat");
        Assert.DoesNotContain(page.QuerySelectorAll(".disagreement-topic"), t => t.TextContent.Contains("Lion", StringComparison.Ordinal));
    }

    private async Task<AngleSharp.Dom.IElement> VersionAsync(string text) =>
        (await registry.CreateClient().GetPageAsync("/sites/palmyra")).QuerySelectorAll(".disagreement-versions li")
            .Single(v => v.TextContent.Contains(text, StringComparison.Ordinal));

    /// <summary>Finds the disagreement's editor from the edit page of the place (via the public page's curator bar) or of one of its reports.</summary>
    private static async Task<IHtmlDocument> OpenAsync(CuratorSession curator, string publicPage, string topic)
    {
        var place = (await curator.Client.GetPageAsync(publicPage)).QuerySelectorAll(".curator-bar a").Select(a => a.GetAttribute("href")!);
        var reports = (await curator.Client.GetPageAsync("/curate/reports?size=100")).QuerySelectorAll("table.curate-list tbody a").Select(a => a.GetAttribute("href")!);
        foreach (var edit in place.Concat(reports))
        {
            var record = await curator.Client.GetPageAsync(edit);
            if (record.QuerySelectorAll(".disagreement-list a").FirstOrDefault(a => a.TextContent.Contains(topic, StringComparison.Ordinal)) is { } link)
            {
                return await curator.Client.GetPageAsync(link.GetAttribute("href")!);
            }
        }
        throw new InvalidOperationException($"No disagreement about '{topic}' from {publicPage}");
    }

    private static async Task<string> SiteIdAsync(CuratorSession curator, string name) =>
        (await curator.Client.GetPageAsync("/curate/sites?size=100")).QuerySelectorAll("table.curate-list tbody a")
            .First(a => a.TextContent.StartsWith(name, StringComparison.Ordinal)).GetAttribute("href")!.Split('/')[^1];

    private static string Id(HttpResponseMessage response) => response.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0];
}
