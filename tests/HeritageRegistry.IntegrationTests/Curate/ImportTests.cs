using System.Net;
using System.Text;
using HeritageRegistry.Accounts;
using HeritageRegistry.IntegrationTests.Accounts;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using static HeritageRegistry.IntegrationTests.Curate.ImportUploads;

namespace HeritageRegistry.IntegrationTests.Curate;

/// <summary>Importing places and reports from a spreadsheet: the dry run, the import, and its undo.</summary>
public sealed class ImportTests(SeededRegistry registry) : IClassFixture<SeededRegistry>
{
    private const string Counts = """
        SELECT (SELECT COUNT(*) FROM damage_report) * 1000000000 + (SELECT COUNT(*) FROM site) * 1000000
             + (SELECT COUNT(*) FROM citation) * 1000 + (SELECT COUNT(*) FROM spreadsheet_import)
        """;

    [Fact]
    public async Task A_dry_run_names_every_problem_by_row_and_column_and_writes_nothing()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var existing = await registry.Factory.TextAsync("""
            SELECT s.slug || '|' || r.title || '|' || r.event_date FROM damage_report r JOIN site s ON s.id = r.site_id WHERE r.reference = 'PAL-2015-0010'
            """);
        var (slug, title, date) = (existing.Split('|')[0], existing.Split('|')[1], existing.Split('|')[2]);
        var revisions = await registry.Factory.ScalarAsync("SELECT COUNT(*) FROM revision");
        var counts = await registry.Factory.ScalarAsync(Counts);

        var (response, page) = await curator.DryRunAsync(Csv(
            ReportHeader,
            "nowhere-at-all,damage,Unknown place,2015-08-30,destroyed,verified-imagery,S01",            // row 2
            "temple-of-bel,damage,Unknown code,2015-08-30,flattened,verified-imagery,S01",               // row 3
            "temple-of-bel,damage,Bad date,last summer,destroyed,verified-imagery,S01",                  // row 4
            "temple-of-bel,damage,No source,2015-08-30,destroyed,verified-imagery,",                     // row 5
            "temple-of-bel,damage,Unknown source,2015-08-30,destroyed,verified-imagery,S999",            // row 6
            $"{slug},damage,\"{title.Replace("\"", "\"\"")}\",{date},destroyed,verified-imagery,S01",    // row 7
            "temple-of-bel,damage,Twice in the file,2015-09-01,destroyed,verified-imagery,S01",         // row 8
            "temple-of-bel,damage,Twice in the file,2015-09-01,destroyed,verified-imagery,S02",         // row 9
            $"temple-of-bel,damage,{new string('x', 201)},2015-08-30,destroyed,verified-imagery,S01"),  // row 10
            "assessments.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = page.Problems();
        Assert.Contains("2|place|No place has the address name 'nowhere-at-all'.", problems);
        Assert.Contains(problems, p => p.StartsWith("3|severity|'flattened' is not in the severity list", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("4|event_date|", StringComparison.Ordinal));
        Assert.Contains("5|sources|Name at least one source by its reference, e.g. S01.", problems);
        Assert.Contains("6|sources|No source has the reference 'S999'.", problems);
        Assert.Contains("7|title|PAL-2015-0010 already reports this place, title and date.", problems);
        Assert.Contains("9|title|Repeats row 8 of this file.", problems);
        Assert.Contains(problems, p => p.StartsWith("10|title|At most 200 characters", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("8|", StringComparison.Ordinal));
        Assert.Equal(9, page.QuerySelectorAll("table.import-rows tbody tr").Length);
        Assert.Null(page.QuerySelector(ImportForm));
        Assert.Equal(counts, await registry.Factory.ScalarAsync(Counts));
        Assert.Equal(revisions, await registry.Factory.ScalarAsync("SELECT COUNT(*) FROM revision"));
    }

    [Fact]
    public async Task A_semicolon_csv_with_a_byte_order_mark_imports_drafts_with_revisions_naming_the_import_and_citations_that_the_public_does_not_see()
    {
        using var factory = new RegistryFactory();
        using var curator = await CuratorSession.SignInAsync(factory);
        var csv = Encoding.UTF8.GetPreamble().Concat(Csv(
            "place;kind;title;event_date;severity;verification;sources;description",
            "temple-of-bel;damage;Qxzimport cella rubble surveyed;2016-04;destroyed;verified-field;S01 S02;Surveyed after the recapture",
            "roman-theatre;event;Qxzimport stage cleared;2017-03-02;;reported;S01;")).ToArray();

        var (dryRun, preview) = await curator.DryRunAsync(csv, "assessments.csv");
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Contains("CSV (semicolons)", preview.QuerySelector("#dry-run-heading")!.TextContent);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM damage_report WHERE title LIKE 'Qxzimport%'"));

        var (imported, page) = await curator.SubmitAsync(preview, ImportForm, []);

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var id = page.ImportId();
        Assert.Contains("Imported 2 reports as drafts.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("table.import-records tbody tr").Length);
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM damage_report WHERE title LIKE 'Qxzimport%' AND publication = 'draft'"));
        Assert.Equal(2, await factory.ScalarAsync("""
            SELECT COUNT(*) FROM revision rv JOIN damage_report r ON rv.entity_type = 'report' AND rv.entity_id = r.id
            WHERE r.title LIKE 'Qxzimport%' AND rv.action = 'create' AND rv.note = @note
            """, new { note = $"Import {id}: assessments.csv" }));
        Assert.Equal("S01 S02", await factory.TextAsync("""
            SELECT MIN(so.reference) || ' ' || MAX(so.reference) FROM citation ci JOIN source so ON so.id = ci.source_id
            JOIN damage_report r ON r.id = ci.report_id WHERE r.title = 'Qxzimport cella rubble surveyed'
            """));
        var reference = await factory.TextAsync("SELECT reference FROM damage_report WHERE title = 'Qxzimport stage cleared'");
        Assert.Matches(@"^PAL-2017-\d{4}$", reference);

        using var visitor = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/reports/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/reports/{reference}")).StatusCode);
        Assert.DoesNotContain("Qxzimport", await visitor.GetStringAsync("/search?q=qxzimport"), StringComparison.Ordinal);
        Assert.DoesNotContain("Qxzimport", await visitor.GetStringAsync("/api/v1/search?q=qxzimport"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_file_of_places_imports_as_draft_places()
    {
        using var factory = new RegistryFactory();
        using var curator = await CuratorSession.SignInAsync(factory);
        var xlsx = Xlsx(
        [
            new() { ["slug"] = "tower-of-qxz-one", ["name_en"] = "Tower of Qxz One", ["kind"] = "tomb", ["parent"] = "valley-of-the-tombs", ["latitude"] = 34.5495, ["longitude"] = 38.2603, ["sources"] = "S01" },
            new() { ["slug"] = "", ["name_en"] = "Tower of Qxz Two", ["kind"] = "tomb", ["parent"] = "", ["latitude"] = "", ["longitude"] = "", ["sources"] = "" },
        ]);

        var (imported, page) = await curator.ImportAsync(xlsx, "towers.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("Imported 2 places as drafts.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM site WHERE slug IN ('tower-of-qxz-one', 'tower-of-qxz-two') AND publication = 'draft'"));
        Assert.Equal(34.5495, double.Parse(await factory.TextAsync("SELECT latitude FROM site WHERE slug = 'tower-of-qxz-one'"), System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM citation ci JOIN site s ON s.id = ci.site_id WHERE s.slug = 'tower-of-qxz-one'"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/sites/tower-of-qxz-one")).StatusCode);
    }

    [Fact]
    public async Task Undo_soft_deletes_what_the_import_made_each_as_a_revision()
    {
        using var factory = new RegistryFactory();
        using var curator = await CuratorSession.SignInAsync(factory);
        var (_, page) = await curator.ImportAsync(Csv(ReportHeader,
            "temple-of-bel,damage,Qxzundo one,2016-04,destroyed,verified-field,S01",
            "temple-of-bel,damage,Qxzundo two,2016-05,destroyed,verified-field,S01"), "undo-me.csv");
        var id = page.ImportId();

        var (undone, after) = await curator.SubmitAsync(page, UndoForm, []);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Contains("Undone", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(after.QuerySelector(UndoForm));
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM damage_report WHERE title LIKE 'Qxzundo%' AND deleted_at IS NOT NULL"));
        Assert.Equal(2, await factory.ScalarAsync("""
            SELECT COUNT(*) FROM revision rv JOIN damage_report r ON rv.entity_type = 'report' AND rv.entity_id = r.id
            WHERE r.title LIKE 'Qxzundo%' AND rv.action = 'delete' AND rv.note = @note
            """, new { note = $"Undo of import {id}: undo-me.csv" }));
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM spreadsheet_import WHERE undone_at IS NOT NULL"));
    }

    [Fact]
    public async Task Undo_refuses_and_names_the_editor_when_a_record_was_edited_since_the_import()
    {
        using var factory = new RegistryFactory();
        using var curator = await CuratorSession.SignInAsync(factory);
        var (_, page) = await curator.ImportAsync(Csv(ReportHeader,
            "temple-of-bel,damage,Qxzkeep one,2016-04,destroyed,verified-field,S01",
            "temple-of-bel,damage,Qxzkeep two,2016-05,destroyed,verified-field,S01"), "keep-me.csv");
        var (editorBrowser, editorLogin) = await factory.SignedInAsync(Roles.Curator);
        using var editor = editorBrowser;
        var reportId = await factory.ScalarAsync("SELECT id FROM damage_report WHERE title = 'Qxzkeep two'");
        var form = await editor.GetPageAsync($"/curate/reports/edit/{reportId}");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(form, "form.record-form", new Dictionary<string, string> { ["Input.Title"] = "Qxzkeep two, corrected" })).StatusCode);

        var (refused, answer) = await curator.SubmitAsync(page, UndoForm, []);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Nothing was undone", answer.QuerySelector("[role=alert]")!.TextContent);
        var edits = answer.QuerySelectorAll("table.import-edits tbody tr").Select(r => r.TextContent).ToList();
        var edit = Assert.Single(edits);
        Assert.Contains($"Test {Roles.Curator}", edit);
        Assert.Contains("update", edit);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM damage_report WHERE title LIKE 'Qxzkeep%' AND deleted_at IS NOT NULL"));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM spreadsheet_import WHERE undone_at IS NOT NULL"));
        Assert.NotEmpty(editorLogin);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_a_post_without_the_form_token_is_refused()
    {
        using var visitor = registry.CreateClient();
        var page = await visitor.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"{Page}?handler=Template&kind=report")).StatusCode);
        var counts = await registry.Factory.ScalarAsync(Counts);

        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["content"] = Convert.ToBase64String(Csv(ReportHeader, "temple-of-bel,damage,Forged,2016,destroyed,verified-field,S01")),
            ["fileName"] = "forged.csv", ["kind"] = "report",
        });
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.Client.PostAsync($"{Page}?handler=Import", forged)).StatusCode);
        Assert.Equal(counts, await registry.Factory.ScalarAsync(Counts));
    }

    [Fact]
    public async Task The_templates_list_every_documented_column_with_an_example_row_that_passes_its_own_dry_run()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        foreach (var kind in new[] { "report", "site" })
        {
            var template = await curator.Client.GetByteArrayAsync($"{Page}?handler=Template&kind={kind}");
            var (response, page) = await curator.DryRunAsync(template, $"{kind}-template.csv");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {string.Join("; ", page.Problems())}");
            Assert.NotNull(page.QuerySelector(ImportForm));
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_with_a_message()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE];
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 1, 2, 3, 4, 5];

        foreach (var (bytes, name) in new[] { (png, "photo.csv"), (zip, "archive.xlsx"), (Encoding.UTF8.GetBytes("%PDF-1.4\n\u0001\u0002"), "paper.csv") })
        {
            var (response, page) = await curator.DryRunAsync(bytes, name);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("file||This file is not a spreadsheet: upload a CSV (UTF-8) or an XLSX file.", page.Problems());
        }
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_with_a_clear_message()
    {
        using var curator = await CuratorSession.SignInAsync(registry.Factory);
        var rows = Enumerable.Range(0, 10_001).Select(i => $"temple-of-bel,damage,Row {i},2016,destroyed,verified-field,S01");

        var (response, page) = await curator.DryRunAsync(Csv([ReportHeader, .. rows]), "too-long.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file||The file has more than 10,000 rows; split it into files of at most 10,000 rows.", page.Problems());
    }
}
