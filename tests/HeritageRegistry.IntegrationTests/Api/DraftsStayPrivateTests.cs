using HeritageRegistry.Accounts;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Dapper;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.IntegrationTests.Photos;
using Microsoft.AspNetCore.Routing;
using HeritageRegistry.Data;
using HeritageRegistry.Search;
using Microsoft.Extensions.DependencyInjection;

namespace HeritageRegistry.IntegrationTests.Api;

/// <summary>
/// A draft is visible to curators only, in every output. Drafts made through the curators' real
/// forms carry a marker; every GET endpoint the app maps (read from the endpoint data source, as
/// the authorization test does) is then asked anonymously about them and about their public
/// neighbours, and no answer may name them.
/// </summary>
public sealed partial class DraftsStayPrivateTests : IDisposable
{
    // Written with a capital in every draft; requests ask in lower case, so a page that repeats the
    // query ("results for zqxmarker7") is not taken for a leak, while any draft's text would be.
    private const string Marker = "Zqxmarker7";
    private const string Query = "zqxmarker7";
    private const string SaveForm = "form.record-form";
    private const string PublishForm = "form[action*='handler=Publish']";
    private const string UnpublishForm = "form[action*='handler=Unpublish']";

    private readonly RegistryFactory _factory = new();
    private readonly HttpClient _visitor;

    public DraftsStayPrivateTests() => _visitor = _factory.CreateClient(new() { AllowAutoRedirect = false });

    public void Dispose()
    {
        _visitor.Dispose();
        _factory.Dispose();
    }

    /// <summary>What the curator made: the addresses of each draft and of the public records beside them.</summary>
    private sealed record Drafts(
        string PlaceSlug, string DraftReport, string ReportOnDraftPlace, string DraftSource,
        string PublicReport, IReadOnlyList<Photo> DraftPhotos, IReadOnlyList<Photo> PublicPhotos);

    private sealed record Photo(long Id, string Sha256);

    [Fact]
    public async Task No_endpoint_names_a_draft_or_anything_that_hangs_on_one_and_every_draft_address_is_not_found()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var drafts = await CreateDraftsAsync(curator);
        var draftValues = new[] { drafts.PlaceSlug, drafts.DraftReport, drafts.ReportOnDraftPlace, drafts.DraftSource }
            .Concat(drafts.DraftPhotos.SelectMany(p => new[] { p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Sha256 }))
            .ToHashSet(StringComparer.Ordinal);
        // Besides the marker, a draft is named by its address: its slug, reference, photo page or file.
        var names = new[] { Marker, drafts.PlaceSlug, drafts.DraftReport, drafts.ReportOnDraftPlace, drafts.DraftSource }
            .Concat(drafts.DraftPhotos.SelectMany(p => new[] { $"/photos/{p.Id}\"", p.Sha256 }))
            .ToList();
        var parameters = new Dictionary<string, string[]>
        {
            ["slug"] = ["temple-of-bel", "palmyra", drafts.PlaceSlug],
            ["reference"] = [drafts.PublicReport, "S01", drafts.DraftReport, drafts.ReportOnDraftPlace, drafts.DraftSource],
            ["id"] = [.. drafts.PublicPhotos.Concat(drafts.DraftPhotos).Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["sha256"] = [.. drafts.PublicPhotos.Concat(drafts.DraftPhotos).Select(p => p.Sha256)],
            ["size"] = ["thumb", "display"],
            ["format"] = ["json", "bib", "ris"],
            ["code"] = ["404"],
            ["documentName"] = ["v1"],
            ["path"] = [$"sites/{drafts.PlaceSlug}"],
        };

        var problems = new List<string>();
        var answered = 0;
        // Curators' pages send visitors to sign in (the authorization test proves it for each); the rest are walked.
        var publicRoutes = new List<string>();
        foreach (var route in MappedGetRoutes())
        {
            if (!SendsToSignIn(await _visitor.GetAsync(RouteParameter().Replace(route, "1"))))
            {
                publicRoutes.Add(route);
            }
        }
        foreach (var url in publicRoutes.SelectMany(route => Urls(route, parameters)))
        {
            var response = await _visitor.GetAsync(url);
            Assert.False(SendsToSignIn(response), $"GET {url} sends a visitor to sign in");
            answered++;
            var body = await response.Content.ReadAsStringAsync();
            // An answer may repeat what was asked (a 404 problem quoting the slug); it may name nothing else.
            problems.AddRange(names.Where(name => !url.Contains(name, StringComparison.Ordinal) && body.Contains(name, StringComparison.Ordinal))
                .Select(name => $"GET {url} ({(int)response.StatusCode}) names '{name}'"));
            var path = url.Split('?')[0];
            if (draftValues.Any(value => path.Split('/', '.').Contains(value)) && response.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"GET {url} answered {(int)response.StatusCode}, not 404");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(answered > 100, $"only {answered} public answers were checked");
        // The public neighbours still answer, so the walk above looked at real pages.
        foreach (var url in new[] { "/sites/temple-of-bel", "/sites/temple-of-bel/compare", $"/reports/{drafts.PublicReport}", $"/photos/{drafts.PublicPhotos[0].Id}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Before_and_after_of_a_draft_place_is_not_found_like_its_page()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var slug = await CreatePlaceAsync(curator);
        await UploadAsync(curator, $"{Marker} shrine", null, $"{Marker} before", "before", 10);
        await UploadAsync(curator, $"{Marker} shrine", null, $"{Marker} after", "after", 20);

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/sites/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/sites/{slug}/compare")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await curator.Client.GetAsync($"/sites/{slug}/compare")).StatusCode);
    }

    [Fact]
    public async Task A_published_report_on_a_draft_place_is_not_found_until_the_place_is_published()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var slug = await CreatePlaceAsync(curator);
        var (reference, _) = await CreateReportAsync(curator, $"{Marker} shrine", $"{Marker} collapse", publish: true);

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/reports/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/api/v1/reports/{reference}")).StatusCode);
        Assert.DoesNotContain(reference, (await _visitor.AllPagesAsync("/api/v1/reports?pageSize=100")).Select(r => r.Text("reference")));
        Assert.DoesNotContain(Marker, await _visitor.GetStringAsync("/reports"), StringComparison.Ordinal);
        Assert.Contains(Marker, await curator.Client.GetStringAsync($"/reports/{reference}"), StringComparison.Ordinal);

        await curator.SubmitAsync($"/curate/sites/edit/{await PlaceIdAsync(slug)}", PublishForm, []);

        Assert.Equal(slug, (await _visitor.GetOkJsonAsync($"/api/v1/reports/{reference}")).Text("site"));
        Assert.Contains($"{Marker} shrine", await _visitor.GetStringAsync($"/reports/{reference}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_a_places_reports_and_photos_only_while_the_place_is_public()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var slug = await CreatePlaceAsync(curator);
        var (reference, _) = await CreateReportAsync(curator, $"{Marker} shrine", $"{Marker} collapse", publish: true);
        var photo = await UploadAsync(curator, $"{Marker} shrine", reference, $"{Marker} rubble", "after", 30);
        var placeEdit = $"/curate/sites/edit/{await PlaceIdAsync(slug)}";

        var whileDraft = await SearchUrlsAsync();
        var indexedWhileDraft = await IndexedAsync();
        await curator.SubmitAsync(placeEdit, PublishForm, []);
        var whilePublic = await SearchUrlsAsync();
        var indexedWhilePublic = await IndexedAsync();
        await curator.SubmitAsync(placeEdit, UnpublishForm, []);
        var afterUnpublishing = await SearchUrlsAsync();
        var indexedAfterUnpublishing = await IndexedAsync();

        Assert.Empty(whileDraft);
        Assert.Equal(0, indexedWhileDraft);
        Assert.Equal([$"/photos/{photo.Id}", $"/reports/{reference}", $"/sites/{slug}"], whilePublic.Order(StringComparer.Ordinal));
        Assert.Equal(3, indexedWhilePublic);
        Assert.Empty(afterUnpublishing);
        Assert.Equal(0, indexedAfterUnpublishing);
    }

    [Fact]
    public async Task A_published_photo_of_a_draft_report_is_hidden_until_the_report_is_published()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var (reference, reportId) = await CreateReportAsync(curator, "Temple of Bel", $"{Marker} draft collapse", publish: false);
        var photo = await UploadAsync(curator, "Temple of Bel", reference, $"{Marker} cella", "after", 40);

        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/photos/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/photos/files/{photo.Sha256}/thumb.jpg")).StatusCode);
        Assert.DoesNotContain(Marker, await _visitor.GetStringAsync("/sites/temple-of-bel"), StringComparison.Ordinal);
        Assert.Empty(await SearchUrlsAsync());
        Assert.Equal(HttpStatusCode.OK, (await curator.Client.GetAsync($"/photos/{photo.Id}")).StatusCode);

        await curator.SubmitAsync($"/curate/reports/edit/{reportId}", "button.add-citation",
            new() { ["Citation.SourceId"] = "S01" });
        await curator.SubmitAsync($"/curate/reports/edit/{reportId}", PublishForm, []);

        Assert.Contains($"{Marker} draft collapse", await _visitor.GetStringAsync($"/photos/{photo.Id}"), StringComparison.Ordinal);
        Assert.Contains($"/photos/{photo.Id}", await SearchUrlsAsync());
        Assert.Contains($"/reports/{reference}", await SearchUrlsAsync());
    }

    [Fact]
    public async Task The_upload_form_leaves_publish_at_once_unticked()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);

        var form = await curator.Client.GetPageAsync("/curate/photos/upload");

        Assert.False(((IHtmlInputElement)form.QuerySelector("input[name='Input.Publish'][type=checkbox]")!).IsChecked);
    }

    /// <summary>
    /// A draft place within Palmyra; a draft report on the Temple of Bel; a published report on the
    /// draft place; a draft source cited by a public report; published photos of the draft place, of
    /// the draft report and of the report on the draft place; and two public photos of the Temple of Bel.
    /// </summary>
    private async Task<Drafts> CreateDraftsAsync(CuratorSession curator)
    {
        var slug = await CreatePlaceAsync(curator);
        var (draftReport, _) = await CreateReportAsync(curator, "Temple of Bel", $"{Marker} draft report on a public place", publish: false);
        var (reportOnDraftPlace, _) = await CreateReportAsync(curator, $"{Marker} shrine", $"{Marker} published report on a draft place", publish: true);
        var (_, sourcePage) = await curator.SubmitAsync("/curate/sources/edit", SaveForm, new() { ["Input.Title"] = $"{Marker} field notes", ["Input.Kind"] = "eyewitness" });
        var draftSource = sourcePage.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();

        var publicReport = (await _visitor.GetOkJsonAsync("/api/v1/sites/temple-of-bel")).GetProperty("reports")[0].GetString()!;
        var publicReportEdit = (await curator.Client.GetPageAsync($"/reports/{publicReport}")).QuerySelector(".curator-bar a")!.GetAttribute("href")!;
        await curator.SubmitAsync(publicReportEdit, "button.add-citation", new()
        {
            ["Citation.SourceId"] = draftSource,
            ["Citation.Locator"] = $"{Marker} page 2",
        });

        List<Photo> draftPhotos =
        [
            await UploadAsync(curator, $"{Marker} shrine", null, $"{Marker} photo of a draft place", "before", 50),
            await UploadAsync(curator, "Temple of Bel", draftReport, $"{Marker} photo of a draft report", "after", 60),
            await UploadAsync(curator, $"{Marker} shrine", reportOnDraftPlace, $"{Marker} photo of a report on a draft place", "after", 70),
        ];
        List<Photo> publicPhotos =
        [
            await UploadAsync(curator, "Temple of Bel", null, "The cella before", "before", 80),
            await UploadAsync(curator, "Temple of Bel", null, "The cella after", "after", 90),
        ];
        return new Drafts(slug, draftReport, reportOnDraftPlace, draftSource, publicReport, draftPhotos, publicPhotos);
    }

    private static async Task<string> CreatePlaceAsync(CuratorSession curator)
    {
        var form = await curator.Client.GetPageAsync("/curate/sites/edit");
        var (created, _) = await curator.SubmitAsync(form, SaveForm, new()
        {
            ["Input.NameEn"] = $"{Marker} shrine", ["Input.Slug"] = "zqxmarker7-shrine", ["Input.Kind"] = "temple",
            ["Input.Summary"] = $"{Marker} summary", ["Input.Latitude"] = "34.556", ["Input.Longitude"] = "38.275",
            ["Input.ParentId"] = "Palmyra",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return "zqxmarker7-shrine";
    }

    /// <summary>A report on the place of that name, its reference and id; published with a citation of S01 when asked.</summary>
    private static async Task<(string Reference, long Id)> CreateReportAsync(CuratorSession curator, string place, string title, bool publish)
    {
        var form = await curator.Client.GetPageAsync("/curate/reports/edit");
        var (created, edit) = await curator.SubmitAsync(form, SaveForm, new()
        {
            ["Input.SiteId"] = place, ["Input.Kind"] = "damage", ["Input.Title"] = title,
            ["Input.EventDate"] = "2019-03", ["Input.Severity"] = "destroyed", ["Input.Verification"] = "reported",
            ["Input.Description"] = $"{Marker} description",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var reference = edit.QuerySelector("h1")!.TextContent.Trim().Split(' ').Last();
        var id = long.Parse(new Uri(edit.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        if (publish)
        {
            var (_, cited) = await curator.SubmitAsync(edit, "button.add-citation", new()
            {
                ["Citation.SourceId"] = "S01", ["Citation.Quote"] = $"{Marker} quote",
            });
            var (published, _) = await curator.SubmitAsync(cited, PublishForm, []);
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        return (reference, id);
    }

    /// <summary>Uploads one photo through the real form, published at once, and reads its id and file hash from what the curator sees.</summary>
    private static async Task<Photo> UploadAsync(CuratorSession curator, string place, string? report, string caption, string phase, byte shade)
    {
        var form = await curator.Client.GetPageAsync("/curate/photos/upload");
        var token = ((IHtmlInputElement)form.QuerySelector("form.upload-form input[name=__RequestVerificationToken]")!).Value;
        var file = new ByteArrayContent(TestImages.Jpeg(shade: shade));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(place), "Input.SiteId" },
            { new StringContent(report ?? ""), "Input.ReportId" },
            { new StringContent(phase), "Input.Phase" },
            { new StringContent("cc-by"), "Input.Licence" },
            { new StringContent(caption), "Input.Caption" },
            { new StringContent("true"), "Input.Publish" },
            { file, "files", $"{phase}.jpg" },
        };
        var page = await Html.ParseAsync(await curator.Client.PostAsync("/curate/photos/upload", content));
        Assert.Equal("Stored", Assert.Single(page.Results()).Result);
        var href = page.QuerySelector(".upload-results a[href^='/photos/']")!.GetAttribute("href")!;
        var shown = await curator.Client.GetPageAsync(href);
        var sha256 = Sha256InPath().Match(shown.QuerySelector("img[src*='/photos/files/']")!.GetAttribute("src")!).Value;
        return new Photo(long.Parse(href.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), sha256);
    }

    private async Task<long> PlaceIdAsync(string slug)
    {
        await using var connection = await _factory.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM site WHERE slug = @slug", new { slug });
    }

    /// <summary>The addresses the public search finds for the marker.</summary>
    private async Task<List<string>> SearchUrlsAsync() =>
        [.. (await _visitor.GetPageAsync($"/search?q={Query}")).QuerySelectorAll(".search-hit > a[href]").Select(a => a.GetAttribute("href")!).Distinct()];

    /// <summary>How many rows of the full-text index hold the marker.</summary>
    private async Task<long> IndexedAsync()
    {
        await using var connection = await _factory.OpenDatabaseAsync();
        return (await SqlDialect.Of(connection).FullText.MatchesAsync(connection, FtsQuery.Parse(Query)!, ranked: false, CancellationToken.None)).Count;
    }

    private static bool SendsToSignIn(HttpResponseMessage response) =>
        response is { StatusCode: HttpStatusCode.Redirect, Headers.Location: { } to }
        && (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString).StartsWith("/account/login", StringComparison.Ordinal);

    private List<string> MappedGetRoutes() => _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
        .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
        .Distinct()
        .ToList();

    /// <summary>Every address of a route: each parameter filled with each public and draft value, and the
    /// searches and lists asked about the marker and for their longest page.</summary>
    private static IEnumerable<string> Urls(string route, Dictionary<string, string[]> parameters)
    {
        IEnumerable<string> urls = [route];
        foreach (Match parameter in RouteParameter().Matches(route))
        {
            var name = parameter.Groups[1].Value;
            Assert.True(parameters.ContainsKey(name), $"The walk has no values for the parameter {{{name}}} of {route}: add some.");
            urls = urls.SelectMany(url => parameters[name].Select(value => url.Replace(parameter.Value, value, StringComparison.Ordinal)));
        }
        return urls.SelectMany(url => url switch
        {
            "/search" or "/search.csv" or "/search.json" or "/search.bib" or "/search.ris" or "/api/v1/search" =>
                [url, $"{url}?q={Query}", $"{url}?q=shrine", $"{url}?q={Query}&type=photo", $"{url}?q={Query}&sort=newest"],
            "/api/v1/sites" or "/api/v1/reports" or "/api/v1/sources" => [url, $"{url}?pageSize=100"],
            _ => new[] { url },
        });
    }

    // A constraint may hold escaped braces: {sha256:regex(^[0-9a-f]{{64}}$)}.
    [GeneratedRegex(@"\{\*?(\w+)(?::(?:[^{}]|\{\{|\}\})*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256InPath();
}
