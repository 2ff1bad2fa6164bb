using HeritageRegistry.Accounts;
using System.Net;
using HeritageRegistry.IntegrationTests.Curate;
using HeritageRegistry.IntegrationTests.Infrastructure;
using HeritageRegistry.Photos;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace HeritageRegistry.IntegrationTests.Photos;

public sealed class PhotoUploadTests : IDisposable
{
    private readonly RegistryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private string PhotosFolder => Path.Combine(_factory.DataDirectory, "photos");

    [Fact]
    public async Task Jpeg_png_and_webp_are_stored_with_a_thumbnail_and_a_display_copy()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.UploadAsync([("a.jpg", TestImages.Jpeg(2400, 1800)), ("b.png", TestImages.Png()), ("c.webp", TestImages.Webp())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Stored", "Stored", "Stored"], page.Results().Select(r => r.Result));
        Assert.Contains("JPEG, 2400 × 1800", page.Results()[0].Details);
        var thumbs = Directory.GetFiles(Path.Combine(PhotosFolder, "derived"), "*-thumb.jpg", SearchOption.AllDirectories);
        Assert.Equal(3, thumbs.Length);
        var sizes = thumbs.Select(t => Image.Identify(t)).Select(i => (i.Width, i.Height)).Order().ToList();
        Assert.Equal([(300, 200), (300, 200), (400, 300)], sizes); // the large JPEG shrunk; small ones not enlarged
    }

    [Theory]
    [InlineData("notes.jpg", "not a JPEG, PNG or WebP image")]
    [InlineData("truncated.jpg", "damaged or incomplete")]
    [InlineData("zeros.jpg", "damaged or incomplete")]
    [InlineData("anim.gif", "not a JPEG, PNG or WebP image")]
    [InlineData("bomb.png", "the limit is 100 megapixels")]
    [InlineData("empty.jpg", "The file is empty.")]
    [InlineData("moving.webp", "several frames")]
    public async Task Hostile_or_unsupported_files_are_rejected_with_a_reason_and_leave_nothing_behind(string name, string reason)
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var bytes = name switch
        {
            "notes.jpg" => TestImages.NotAnImage(),
            "truncated.jpg" => TestImages.Truncated(TestImages.Jpeg()),
            "zeros.jpg" => TestImages.JpegMarkerAndZeros(),
            "anim.gif" => TestImages.Gif(),
            "bomb.png" => TestImages.PngBomb(),
            "moving.webp" => TestImages.AnimatedWebp(),
            _ => [],
        };

        var (response, page) = await curator.UploadAsync([(name, bytes)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = Assert.Single(page.Results());
        Assert.Equal("Rejected", result.Result);
        Assert.Contains(reason, result.Details);
        Assert.Equal(0, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo"));
        Assert.Empty(Directory.GetFiles(PhotosFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_decoded()
    {
        using var small = new RegistryFactory { PhotoMaxBytes = 10_000 };
        using var curator = await CuratorSession.SignInAsync(small);

        var (response, page) = await curator.UploadAsync([("large.jpg", TestImages.Jpeg(2000, 1500))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than the 9.8 KB limit", Assert.Single(page.Results()).Details);
    }

    [Fact]
    public async Task One_bad_file_in_a_batch_does_not_stop_the_good_ones()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.UploadAsync([("good.jpg", TestImages.Jpeg()), ("bad.jpg", TestImages.NotAnImage())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Stored", "Rejected"], page.Results().Select(r => r.Result));
    }

    [Fact]
    public async Task A_batch_with_an_unreadable_jpeg_stores_the_others_and_reports_each_file()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);

        var (response, page) = await curator.UploadAsync(
            [("first.jpg", TestImages.Jpeg(shade: 11)), ("zeros.jpg", TestImages.JpegMarkerAndZeros()), ("last.png", TestImages.Png())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("first.jpg", "Stored"), ("zeros.jpg", "Rejected"), ("last.png", "Stored")], page.Results().Select(r => (r.File, r.Result)));
        Assert.Contains("damaged or incomplete", page.Results()[1].Details);
        Assert.Equal(2, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(PhotosFolder, "originals"), "*", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(PhotosFolder, "tmp")));
    }

    [Fact]
    public void Temporary_files_left_by_an_interrupted_upload_are_removed_when_the_app_starts()
    {
        var temporary = Directory.CreateDirectory(Path.Combine(PhotosFolder, "tmp")).FullName;
        File.WriteAllBytes(Path.Combine(temporary, "5f0c1e2d3b4a"), TestImages.Truncated(TestImages.Jpeg()));
        File.WriteAllBytes(Path.Combine(temporary, "5f0c1e2d3b4a-thumb"), TestImages.Jpeg(40, 30));

        _ = _factory.Services; // starts the app

        Assert.Empty(Directory.GetFiles(temporary));
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_stored_once()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var photo = TestImages.Jpeg(shade: 33);

        await curator.UploadAsync([("first.jpg", photo)]);
        var (_, page) = await curator.UploadAsync([("again.jpg", photo)]);

        Assert.Equal("Duplicate", Assert.Single(page.Results()).Result);
        Assert.Equal(1, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo"));
        Assert.Single(Directory.GetFiles(Path.Combine(PhotosFolder, "originals"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_original_is_kept_byte_for_byte_and_only_curators_may_download_it()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        var photo = TestImages.Jpeg(shade: 44);
        await curator.UploadAsync([("original.jpg", photo)]);
        var id = await _factory.ScalarAsync("SELECT id FROM photo");

        var download = await curator.Client.GetByteArrayAsync($"/curate/photos/{id}/original");
        var anonymous = await _factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/curate/photos/{id}/original");

        Assert.Equal(photo, download);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Exif_orientation_is_applied_and_gps_is_kept_for_curators_but_stripped_from_public_copies()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        var photo = TestImages.Jpeg(800, 400, exif: exif =>
        {
            exif.SetValue(ExifTag.Orientation, (ushort)6); // stored sideways: rotate 90° clockwise to view
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(34, 1), new Rational(33, 1), new Rational(0, 1)]);
            exif.SetValue(ExifTag.GPSLatitudeRef, "N");
            exif.SetValue(ExifTag.GPSLongitude, [new Rational(38, 1), new Rational(16, 1), new Rational(0, 1)]);
            exif.SetValue(ExifTag.GPSLongitudeRef, "E");
            exif.SetValue(ExifTag.Make, "TestCam");
            exif.SetValue(ExifTag.DateTimeOriginal, "2016:03:28 10:15:00");
        });

        await curator.UploadAsync([("sideways.jpg", photo)]);
        var sha = await _factory.TextAsync("SELECT sha256 FROM photo");
        using var client = _factory.CreateClient();
        var display = await client.GetByteArrayAsync($"/photos/files/{sha}/display.jpg");

        using var image = Image.Load<Rgb24>(display);
        Assert.Equal((400, 800), (image.Width, image.Height)); // upright: stored 800 × 400 sideways
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Equal(34.55, double.Parse(await _factory.TextAsync("SELECT exif_latitude FROM photo"), System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Equal("2016-03-28", await _factory.TextAsync("SELECT taken_date FROM photo"));
        Assert.Equal("TestCam", await _factory.TextAsync("SELECT exif_camera FROM photo"));
    }

    [Fact]
    public async Task A_photo_turned_by_its_exif_orientation_is_recorded_with_its_upright_width_and_height()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        // Stored as 800 × 600 pixels lying on its side: upright it is a 600 × 800 portrait.
        var portrait = TestImages.Jpeg(800, 600, exif: exif => exif.SetValue(ExifTag.Orientation, (ushort)6));

        var (_, page) = await curator.UploadAsync([("portrait.jpg", portrait)]);
        var sha = await _factory.TextAsync("SELECT sha256 FROM photo");
        using var display = Image.Load(await _factory.CreateClient().GetByteArrayAsync($"/photos/files/{sha}/display.jpg"));

        Assert.Contains("JPEG, 600 × 800", Assert.Single(page.Results()).Details);
        Assert.Equal("600 × 800", await _factory.TextAsync("SELECT width || ' × ' || height FROM photo"));
        Assert.Equal((600, 800), (display.Width, display.Height));
    }

    [Fact]
    public async Task Head_on_a_photo_file_or_an_original_answers_the_headers_of_a_get_without_the_body()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.UploadAsync([("head.jpg", TestImages.Jpeg(shade: 99))]);
        var id = await _factory.ScalarAsync("SELECT id FROM photo");
        var sha = await _factory.TextAsync("SELECT sha256 FROM photo");
        using var visitor = _factory.CreateClient();

        foreach (var (client, url) in new[] { (visitor, $"/photos/files/{sha}/thumb.jpg"), (visitor, $"/photos/files/{sha}/display.jpg"), (curator.Client, $"/curate/photos/{id}/original") })
        {
            var get = await client.GetAsync(url);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.True(get.Content.Headers.ContentLength > 0);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Photo_files_are_cached_as_immutable_and_revalidate_with_a_304()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.UploadAsync([("cache.jpg", TestImages.Jpeg(shade: 55))]);
        var url = $"/photos/files/{await _factory.TextAsync("SELECT sha256 FROM photo")}/thumb.jpg";
        using var client = _factory.CreateClient();

        var first = await client.GetAsync(url);
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("immutable", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_draft_photo_is_not_served_to_the_public()
    {
        using var curator = await CuratorSession.SignInAsync(_factory);
        await curator.UploadAsync([("draft.jpg", TestImages.Jpeg(shade: 66))], publish: false);
        var id = await _factory.ScalarAsync("SELECT id FROM photo");
        var sha = await _factory.TextAsync("SELECT sha256 FROM photo");
        using var visitor = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/photos/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/photos/files/{sha}/thumb.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/photos/files/{sha}/thumb.jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await curator.Client.GetAsync($"/photos/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_failure_after_the_files_are_written_is_that_files_result_and_leaves_no_file_and_no_row()
    {
        var ingest = _factory.Services.GetRequiredService<PhotoIngest>();
        using var upload = new MemoryStream(TestImages.Jpeg(shade: 77));

        // A place that does not exist: the row's foreign key fails after every file is in place.
        var result = await ingest.IngestAsync("orphan.jpg", upload, new PhotoDetails(99_999, null, null, null, "unknown", null), null, CancellationToken.None);

        Assert.Equal(IngestStatus.Rejected, result.Status);
        Assert.Contains("fault on the server", result.Message);

        Assert.Equal(0, await _factory.ScalarAsync("SELECT COUNT(*) FROM photo"));
        Assert.Empty(Directory.GetFiles(PhotosFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Published_photos_appear_in_the_gallery_of_their_place_with_alt_text()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.UploadAsync([("gallery.jpg", TestImages.Jpeg(shade: 88))]);

        var page = await _factory.CreateClient().GetPageAsync("/sites/temple-of-bel");

        var img = Assert.Single(page.QuerySelectorAll(".gallery img"));
        Assert.Equal("Test caption", img.GetAttribute("alt"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
    }

    [Fact]
    public async Task Before_and_after_photos_of_a_place_can_be_compared_and_a_photo_of_another_place_is_refused()
    {
        using var curator = await CuratorSession.SignInAsync(_factory, Roles.Editor);
        await curator.UploadAsync([("before.jpg", TestImages.Jpeg(shade: 10))], phase: "before");
        await curator.UploadAsync([("after.jpg", TestImages.Jpeg(shade: 20))], phase: "after");
        await curator.UploadAsync([("elsewhere.jpg", TestImages.Jpeg(shade: 30))], place: "bel-cella");
        var elsewhere = await _factory.ScalarAsync("SELECT MAX(id) FROM photo");
        using var visitor = _factory.CreateClient();

        var site = await visitor.GetPageAsync("/sites/temple-of-bel");
        var compare = await visitor.GetPageAsync(site.QuerySelector(".gallery")!.ParentElement!.QuerySelector("a[href$='/compare']")!.GetAttribute("href")!);
        var refused = await visitor.GetAsync($"/sites/temple-of-bel/compare?before={elsewhere}");

        Assert.StartsWith("Before: ", compare.QuerySelector(".compare-before img")!.GetAttribute("alt"));
        Assert.StartsWith("After: ", compare.QuerySelector(".compare-after img")!.GetAttribute("alt"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a published photo of this place", (await Html.ParseAsync(refused)).Text());
    }
}
