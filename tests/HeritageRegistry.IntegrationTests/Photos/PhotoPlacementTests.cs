using HeritageRegistry.Accounts;
using System.Net;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;

namespace HeritageRegistry.IntegrationTests.Photos;

/// <summary>A photo shows one place: it illustrates only reports about that place, however it gets there.</summary>
public sealed class PhotoPlacementTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Editing_a_photo_cannot_attach_it_to_a_report_about_another_place()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var edit = await UploadToTempleOfBelAsync(curator);

        var (response, page) = await curator.SubmitAsync(edit, "form.record-form", new() { ["Input.ReportId"] = await ReportAboutAsync("lion-of-allat") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("about another place", page.QuerySelector("[data-valmsg-for='Input.ReportId']")!.TextContent);
        Assert.Equal(0, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo WHERE report_id IS NOT NULL"));
    }

    [Fact]
    public async Task Editing_a_photo_attaches_it_to_a_report_about_its_own_place()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var edit = await UploadToTempleOfBelAsync(curator);
        var report = await ReportAboutAsync("temple-of-bel");

        var (response, _) = await curator.SubmitAsync(edit, "form.record-form", new() { ["Input.ReportId"] = report });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(report, await _factory.TextAsync("SELECT r.reference FROM photo p JOIN damage_report r ON r.id = p.report_id"));
    }

    [Fact]
    public async Task Uploading_to_a_report_about_another_place_is_refused_by_the_field_before_any_file_is_stored()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 13))],
            place: "temple-of-bel", report: await ReportAboutAsync("lion-of-allat"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("about another place", page.QuerySelector("[data-valmsg-for='Input.ReportId']")!.TextContent);
        Assert.Equal(0, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo"));
    }

    /// <summary>Uploads one photo of the Temple of Bel, on no report, and answers the address of its edit page.</summary>
    private async Task<string> UploadToTempleOfBelAsync(CuratorSession curator)
    {
        var (_, uploaded) = await curator.UploadAsync([("bel.jpg", TestImages.Jpeg(shade: 12))], place: "temple-of-bel");
        return uploaded.QuerySelector(".upload-results a[href^='/curate/photos/edit/']")!.GetAttribute("href")!;
    }

    private async Task<string> ReportAboutAsync(string slug) =>
        await _factory.TextAsync("""
            SELECT r.reference FROM damage_report r JOIN site s ON s.id = r.site_id
            WHERE s.slug = @slug AND r.deleted_at IS NULL ORDER BY r.reference LIMIT 1
            """, new { slug });
}
