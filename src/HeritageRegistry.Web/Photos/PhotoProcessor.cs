using System.Globalization;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace HeritageRegistry.Photos;

/// <summary>
/// Reads and re-encodes photos with ImageSharp, configured for JPEG, PNG and WebP only and with a
/// bounded allocator. Everything is decided from the file's content, never its name or Content-Type.
/// </summary>
public sealed class PhotoProcessor : IDisposable
{
    private readonly PhotoOptions _options;
    private readonly Configuration _configuration;
    private readonly SemaphoreSlim _decodes;

    public PhotoProcessor(IOptions<PhotoOptions> options)
    {
        _options = options.Value;
        _configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = _options.DecoderMemoryLimitMegabytes }),
        };
        _decodes = new SemaphoreSlim(_options.MaxConcurrentDecodes);
    }

    /// <summary>Identifies the image from its header alone and applies every limit before decoding.</summary>
    public async Task<PhotoFacts> InspectAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.Length > _options.MaxBytes)
        {
            throw new PhotoRejectedException($"The file is {PhotoOptions.Describe(content.Length)}; the limit is {PhotoOptions.Describe(_options.MaxBytes)}.");
        }
        if (await WebpIsAnimatedAsync(content, cancellationToken))
        {
            // ImageSharp 2 neither counts frames when identifying nor reads animated WebP, so the header's own flag decides.
            throw new PhotoRejectedException("The image has several frames (an animation); upload a single still image.");
        }
        content.Position = 0;
        var (info, imageFormat) = await DecodingAsync(async () =>
        {
            var identified = await Image.IdentifyWithFormatAsync(_configuration, content, cancellationToken);
            // ImageSharp 2 answers an unknown format with nothing rather than an exception.
            return identified.ImageInfo is null || identified.Format is null
                ? throw new UnknownImageFormatException("No JPEG, PNG or WebP decoder recognises the file.")
                : identified;
        });
        if ((long)info.Width * info.Height > _options.MaxPixels)
        {
            throw new PhotoRejectedException($"The image claims {info.Width} × {info.Height} pixels; the limit is {_options.MaxPixels / 1_000_000} megapixels.");
        }
        var format = imageFormat.Name.ToLowerInvariant();
        if (format == "jpeg" && !await JpegHasEndAsync(content, cancellationToken))
        {
            // ImageSharp paints a cut-off JPEG grey rather than failing, so the end is checked here.
            throw new PhotoRejectedException("The image is damaged or incomplete and cannot be read (the JPEG stops before its end marker).");
        }
        var exif = info.Metadata.ExifProfile;
        var (width, height) = IsQuarterTurned(exif) ? (info.Height, info.Width) : (info.Width, info.Height);
        return new PhotoFacts(format, width, height,
            TakenAt(exif), Camera(exif), Coordinate(exif, ExifTag.GPSLatitude, ExifTag.GPSLatitudeRef, "S"),
            Coordinate(exif, ExifTag.GPSLongitude, ExifTag.GPSLongitudeRef, "W"));
    }

    /// <summary>Decodes once and writes the thumbnail and display copies: upright, re-encoded as JPEG, with no metadata.</summary>
    public async Task WriteDerivativesAsync(Stream content, string thumbnailPath, string displayPath, CancellationToken cancellationToken)
    {
        await _decodes.WaitAsync(cancellationToken);
        try
        {
            using var image = await DecodingAsync(() => Image.LoadAsync<Rgb24>(_configuration, content, cancellationToken));
            image.Mutate(x => x.AutoOrient());
            // Photographers in conflict zones must not be located through a public copy.
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            // The display copy is made in place and the thumbnail from it: the full-size pixels are
            // resampled once and then freed, which halves the time and the peak for a large photo.
            FitWithin(image, _options.DisplaySize);
            await image.SaveAsJpegAsync(displayPath, Encoder, cancellationToken);
            FitWithin(image, _options.ThumbnailSize);
            await image.SaveAsJpegAsync(thumbnailPath, Encoder, cancellationToken);
        }
        finally
        {
            _decodes.Release();
        }
    }

    public void Dispose() => _decodes.Dispose();

    /// <summary>
    /// Runs the decoder on an upload, turning any failure into a refusal with a reason. A hostile file
    /// can make a decoder fail in ways beyond its own exception types (an index out of range, an end
    /// of stream), and each of those is still a file we cannot read, not a fault of the server.
    /// </summary>
    private static async Task<T> DecodingAsync<T>(Func<Task<T>> decode)
    {
        try
        {
            return await decode();
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or NotSupportedException)
        {
            throw new PhotoRejectedException("This is not a JPEG, PNG or WebP image (judged by its content, not its name).", ex);
        }
        catch (InvalidMemoryOperationException ex)
        {
            throw new PhotoRejectedException("The image would need more memory to decode than a photo may use.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PhotoRejectedException("The image is damaged or incomplete and cannot be read.", ex);
        }
    }

    /// <summary>EXIF orientations 5 to 8 store the picture a quarter turn from upright, so its upright width is the stored height.</summary>
    private static bool IsQuarterTurned(ExifProfile? exif) =>
        exif?.GetValue(ExifTag.Orientation)?.Value is >= 5 and <= 8;

    private static readonly JpegEncoder Encoder = new() { Quality = 82 };

    /// <summary>Fits the image within size × size, never enlarging: a small photo stays as sharp as it came.</summary>
    private static void FitWithin(Image image, int size)
    {
        if (image.Width > size || image.Height > size)
        {
            image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(size, size), Mode = ResizeMode.Max, Sampler = KnownResamplers.Lanczos3 }));
        }
    }

    /// <summary>
    /// True when the file is an extended WebP (VP8X) whose flags mark it animated (bit 1). The layout is
    /// fixed: "RIFF", size, "WEBP", "VP8X", chunk size, then the flags byte at offset 20.
    /// </summary>
    private static async Task<bool> WebpIsAnimatedAsync(Stream content, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var header = new byte[21];
        return await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) == header.Length
            && header.AsSpan(0, 4).SequenceEqual("RIFF"u8)
            && header.AsSpan(8, 8).SequenceEqual("WEBPVP8X"u8)
            && (header[20] & 0x02) != 0;
    }

    /// <summary>
    /// True when the JPEG's first scan is followed by an end-of-image marker (FF D9). Segments before
    /// the scan are skipped by their lengths, so an EXIF thumbnail's own markers cannot fool it; inside
    /// scan data an FF byte is always followed by 00 or a restart marker, so FF D9 there is the real end.
    /// </summary>
    private static async Task<bool> JpegHasEndAsync(Stream content, CancellationToken cancellationToken)
    {
        content.Position = 2; // past the start-of-image marker
        var header = new byte[4];
        while (true)
        {
            if (await content.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken) < 4 || header[0] != 0xFF)
            {
                return false;
            }
            if (header[1] == 0xDA)
            {
                break;
            }
            content.Position += ((header[2] << 8) | header[3]) - 2;
        }
        var buffer = new byte[81920];
        var previous = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (previous == 0xFF && buffer[i] == 0xD9)
                {
                    return true;
                }
                previous = buffer[i];
            }
        }
        return false;
    }

    private static string? TakenAt(ExifProfile? exif) =>
        exif?.GetValue(ExifTag.DateTimeOriginal)?.Value is { } value
        && DateTime.TryParseExact(value, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var taken)
            ? taken.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : null;

    private static string? Camera(ExifProfile? exif)
    {
        string? Text(ExifTag<string> tag) => exif?.GetValue(tag)?.Value?.Trim();
        var camera = string.Join(' ', new[] { Text(ExifTag.Make), Text(ExifTag.Model) }.Where(t => !string.IsNullOrEmpty(t)));
        return camera.Length == 0 ? null : camera;
    }

    private static double? Coordinate(ExifProfile? exif, ExifTag<Rational[]> tag, ExifTag<string> reference, string negative)
    {
        if (exif?.GetValue(tag)?.Value is not { Length: 3 } parts)
        {
            return null;
        }
        var degrees = parts[0].ToDouble() + parts[1].ToDouble() / 60 + parts[2].ToDouble() / 3600;
        return exif.GetValue(reference)?.Value == negative ? -degrees : degrees;
    }
}
