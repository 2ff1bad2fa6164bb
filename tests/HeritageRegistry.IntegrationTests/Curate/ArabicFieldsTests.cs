using HeritageRegistry.Accounts;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using HeritageRegistry.IntegrationTests.Api;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using HeritageRegistry.IntegrationTests.Search;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>
/// The Arabic text of a report, a place and a photo, beside the English: curators write it in the same forms, it is
/// versioned and restorable like the English, the API and search carry it, and a draft's stays private. (How
/// Arabic pages show it is in the unit tests of Display/RecordText; the English pages go on showing English.)
/// </summary>
public sealed class ArabicFieldsTests : IDisposable
{
    private const string SaveForm = "form.record-form";
    private const string Report = "PAL-2015-0010";
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<long> IdAsync(string sql, object parameters) => _factory.ScalarAsync(sql, parameters);

    private async Task<string> ReportEditAsync() =>
        $"/curate/reports/edit/{await IdAsync("SELECT id FROM damage_report WHERE reference = @Report", new { Report })}";

    private async Task<string> SiteEditAsync(string slug) =>
        $"/curate/sites/edit/{await IdAsync("SELECT id FROM site WHERE slug = @slug", new { slug })}";

    private Task<string> TextAsync(string sql) => _factory.TextAsync(sql, new { Report });

    [Theory]
    [InlineData("Input.TitleAr", "input")]
    [InlineData("Input.DescriptionAr", "textarea")]
    public async Task The_report_form_has_each_Arabic_field_marked_Arabic_and_right_to_left(string field, string element)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var form = await curator.Client.GetPageAsync(await ReportEditAsync());

        var input = form.QuerySelector($"{SaveForm} {element}[name='{field}']")!;
        Assert.Equal(("rtl", "ar"), (input.GetAttribute("dir"), input.GetAttribute("lang")));
    }

    [Fact]
    public async Task A_curator_saves_a_reports_Arabic_title_and_description_and_the_api_carries_them()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);

        var (saved, shown) = await curator.SubmitAsync(await ReportEditAsync(), SaveForm,
            new() { ["Input.TitleAr"] = "  تدمير معبد بل  ", ["Input.DescriptionAr"] = "فجّر التنظيم **المعبد**." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("تدمير معبد بل", ((IHtmlInputElement)shown.QuerySelector("#Input_TitleAr")!).Value);
        using var visitor = _factory.CreateClient();
        var report = await visitor.GetOkJsonAsync($"/api/v1/reports/{Report}");
        Assert.Equal(("تدمير معبد بل", "فجّر التنظيم **المعبد**."), (report.Text("title_ar"), report.Text("description_ar")));
        var listed = (await visitor.AllPagesAsync($"/api/v1/reports?site={report.Text("site")}&pageSize=100")).Single(r => r.Text("reference") == Report);
        Assert.Equal("تدمير معبد بل", listed.Text("title_ar"));
        // The English page still reads in English, its title and heading untouched by the Arabic.
        var page = await visitor.GetPageAsync($"/reports/{Report}");
        Assert.Equal(await TextAsync("SELECT title FROM damage_report WHERE reference = @Report"), page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("تدمير", page.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arabic_page_shows_the_arabic_text_marked_arabic_and_the_english_marked_english_where_there_is_none()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.SubmitAsync(await ReportEditAsync(), SaveForm, new() { ["Input.TitleAr"] = "تدمير معبد بل" });
        using var visitor = _factory.CreateClient();

        var arabic = await visitor.GetPageAsync($"/ar/reports/{Report}");
        var heading = arabic.QuerySelector("h1 [lang]")!;
        Assert.Equal(("تدمير معبد بل", "ar", "rtl"), (heading.TextContent.Trim(), heading.GetAttribute("lang"), heading.GetAttribute("dir")));
        Assert.Contains("تدمير معبد بل", arabic.QuerySelector("title")!.TextContent, StringComparison.Ordinal);

        // PAL-2015-0002 has no Arabic title: its Arabic page gives the English, saying it is English.
        var english = (await visitor.GetPageAsync("/ar/reports/PAL-2015-0002")).QuerySelector("h1 [lang]")!;
        Assert.Equal("en", english.GetAttribute("lang"));
        Assert.Equal(await _factory.TextAsync("SELECT title FROM damage_report WHERE reference = 'PAL-2015-0002'"), english.TextContent.Trim());
    }

    [Fact]
    public async Task An_Arabic_title_is_in_the_history_and_an_earlier_version_without_it_can_be_restored()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var edit = await ReportEditAsync();
        await curator.SubmitAsync(edit, SaveForm, new() { ["Input.TitleAr"] = "تدمير معبد بل", ["Input.EditNote"] = "Arabic title" });

        var history = await curator.Client.GetPageAsync(edit.Replace("/curate/reports/edit/", "/curate/history/report/", StringComparison.Ordinal));
        var row = history.QuerySelector(".revision")!.QuerySelectorAll(".diff tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Title (Arabic)");
        Assert.Equal("تدمير معبد بل", row.QuerySelector("ins")!.TextContent);

        var (restored, _) = await curator.SubmitAsync(history, ".revision:nth-child(2) form", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("", await TextAsync("SELECT title_ar FROM damage_report WHERE reference = @Report"));
        // And forward again: the restore is itself a version, whose predecessor holds the Arabic.
        var (again, _) = await curator.SubmitAsync(await curator.Client.GetPageAsync(history.Url), ".revision:nth-child(2) form", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("تدمير معبد بل", await TextAsync("SELECT title_ar FROM damage_report WHERE reference = @Report"));
    }

    [Fact]
    public async Task Two_curators_changing_the_Arabic_title_at_once_is_caught_as_a_conflict()
    {
        using var first = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        using var second = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var edit = await ReportEditAsync();
        var firstPage = await first.Client.GetPageAsync(edit);
        var secondPage = await second.Client.GetPageAsync(edit);

        await first.SubmitAsync(firstPage, SaveForm, new() { ["Input.TitleAr"] = "العنوان الأول" });
        var (conflict, shown) = await second.SubmitAsync(secondPage, SaveForm, new() { ["Input.TitleAr"] = "العنوان الثاني" });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("العنوان الأول", shown.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("العنوان الثاني", ((IHtmlInputElement)shown.QuerySelector("#Input_TitleAr")!).Value);
        Assert.Equal("العنوان الأول", await TextAsync("SELECT title_ar FROM damage_report WHERE reference = @Report"));
    }

    [Theory]
    [InlineData("report", "Input.TitleAr", 201, "At most 200 characters")]
    [InlineData("report", "Input.DescriptionAr", 20_001, "At most 20,000 characters")]
    [InlineData("site", "Input.SummaryAr", 501, "At most 500 characters")]
    [InlineData("site", "Input.DescriptionAr", 20_001, "At most 20,000 characters")]
    public async Task Over_long_Arabic_text_gets_a_message_at_its_field_a_400_and_nothing_is_written(string type, string field, int length, string message)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var edit = type == "report" ? await ReportEditAsync() : await SiteEditAsync("temple-of-bel");
        var revisions = await IdAsync("SELECT COUNT(*) FROM revision", new { });

        var (response, shown) = await curator.SubmitAsync(edit, SaveForm, new() { [field] = new string('ب', length) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, shown.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(revisions, await IdAsync("SELECT COUNT(*) FROM revision", new { }));
    }

    [Fact]
    public async Task A_curator_saves_a_places_Arabic_summary_and_description_and_the_api_carries_them()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var edit = await SiteEditAsync("tetrapylon");
        var form = await curator.Client.GetPageAsync(edit);
        Assert.Equal("rtl", form.QuerySelector("#Input_SummaryAr")!.GetAttribute("dir"));

        var (saved, _) = await curator.SubmitAsync(form, SaveForm,
            new() { ["Input.SummaryAr"] = "أربع منصات في تقاطع الشارع", ["Input.DescriptionAr"] = "أعيد بناؤه عام ١٩٦٣." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var visitor = _factory.CreateClient();
        var site = await visitor.GetOkJsonAsync("/api/v1/sites/tetrapylon");
        Assert.Equal(("أربع منصات في تقاطع الشارع", "أعيد بناؤه عام ١٩٦٣."), (site.Text("summary_ar"), site.Text("description_ar")));
        var listed = (await visitor.AllPagesAsync("/api/v1/sites?pageSize=100")).Single(s => s.Text("slug") == "tetrapylon");
        Assert.Equal("أربع منصات في تقاطع الشارع", listed.Text("summary_ar"));
        var history = await curator.Client.GetPageAsync(edit.Replace("/curate/sites/edit/", "/curate/history/site/", StringComparison.Ordinal));
        var labels = history.QuerySelector(".revision")!.QuerySelectorAll(".diff tbody th").Select(th => th.TextContent).ToList();
        Assert.Contains("Summary (Arabic)", labels);
        Assert.Contains("Description (Arabic)", labels);
    }

    [Fact]
    public async Task A_photos_Arabic_caption_is_saved_searchable_and_in_the_search_api()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 77))]);
        var photoId = await IdAsync("SELECT MAX(id) FROM photo", new { });

        var (saved, shown) = await curator.SubmitAsync($"/curate/photos/edit/{photoId}", SaveForm, new() { ["Input.CaptionAr"] = "أنقاض السلّوطة بعد التفجير" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("rtl", shown.QuerySelector("#Input_CaptionAr")!.GetAttribute("dir"));
        using var visitor = _factory.CreateClient();
        var hits = (await visitor.GetOkJsonAsync($"/api/v1/search?type=photo&q={Uri.EscapeDataString("السلّوطة")}")).GetProperty("items");
        var hit = Assert.Single(hits.EnumerateArray());
        Assert.Equal(photoId.ToString(CultureInfo.InvariantCulture), hit.Text("key"));
        Assert.Equal("أنقاض السلّوطة بعد التفجير", hit.Text("title_ar"));
    }

    [Fact]
    public async Task A_report_is_found_by_a_word_only_in_its_Arabic_description_and_a_drafts_Arabic_is_not()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.SubmitAsync(await ReportEditAsync(), SaveForm, new() { ["Input.DescriptionAr"] = "وثّقت البعثة القرنبيطية الأضرار." });
        var (created, _) = await curator.SubmitAsync("/curate/reports/edit", SaveForm, new()
        {
            ["Input.SiteId"] = "temple-of-bel", ["Input.Kind"] = "damage", ["Input.Title"] = "A draft",
            ["Input.EventDate"] = "2018-04-02", ["Input.Verification"] = "reported", ["Input.TitleAr"] = "مسودة الخرنوبية",
            ["Input.DescriptionAr"] = "نص الخرنوبية الخاص",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var visitor = _factory.CreateClient();

        Assert.Equal([$"/reports/{Report}"], await visitor.HitsAsync($"q={Uri.EscapeDataString("القرنبيطية")}"));
        Assert.Contains(Report, await visitor.GetStringAsync($"/search.csv?q={Uri.EscapeDataString("القرنبيطية")}"), StringComparison.Ordinal);
        Assert.Empty(await visitor.HitsAsync($"q={Uri.EscapeDataString("الخرنوبية")}"));
        Assert.Empty(await curator.Client.HitsAsync($"q={Uri.EscapeDataString("الخرنوبية")}"));
        Assert.Equal(0, (await visitor.GetOkJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("الخرنوبية")}")).GetProperty("total").GetInt64());
        Assert.DoesNotContain("الخرنوبية", await visitor.GetStringAsync($"/search.csv?q={Uri.EscapeDataString("الخرنوبية")}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_this_page_on_the_English_page_gives_the_English_title_in_English()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        await curator.SubmitAsync(await ReportEditAsync(), SaveForm, new() { ["Input.TitleAr"] = "تدمير معبد بل" });
        using var visitor = _factory.CreateClient();

        var csl = (await visitor.GetOkJsonAsync($"/reports/{Report}/cite.json"))[0];

        var title = await TextAsync("SELECT title FROM damage_report WHERE reference = @Report");
        Assert.Equal(($"{title} ({Report})", "en"), (csl.Text("title"), csl.Text("language")));
        Assert.Contains($"“{title} ({Report}).”", (await visitor.GetPageAsync($"/reports/{Report}")).QuerySelector(".citation-text")!.TextContent, StringComparison.Ordinal);
    }
}
