using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace HeritageRegistry.IntegrationTests.Photos;

/// <summary>Photos and hostile files made in the test itself, so every case is known byte for byte.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width = 640, int height = 480, byte shade = 90, Action<ExifProfile>? exif = null)
    {
        using var image = Picture(width, height, shade);
        if (exif is not null)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            exif(image.Metadata.ExifProfile);
        }
        return Encode(image, new JpegEncoder { Quality = 90 });
    }

    public static byte[] Png(byte shade = 120) => Encode(Picture(300, 200, shade), new PngEncoder());

    public static byte[] Webp(byte shade = 150) => Encode(Picture(300, 200, shade), new WebpEncoder());

    /// <summary>
    /// A two-frame animated WebP: a valid image of an accepted format, but not a still photograph.
    /// ImageSharp 2 writes only the first frame, so the container is assembled here: VP8X (animated),
    /// ANIM, and one ANMF per frame wrapping a still WebP's VP8 chunk.
    /// </summary>
    public static byte[] AnimatedWebp()
    {
        const int side = 64;
        var body = new List<byte>("WEBP"u8.ToArray());
        body.AddRange(Chunk("VP8X", [0x02, 0, 0, 0, .. UInt24(side - 1), .. UInt24(side - 1)]));
        body.AddRange(Chunk("ANIM", [0, 0, 0, 0, 0, 0]));
        foreach (var shade in new byte[] { 10, 200 })
        {
            var still = Encode(Picture(side, side, shade), new WebpEncoder { FileFormat = WebpFileFormatType.Lossy });
            // A simple still WebP is "RIFF", size, "WEBP", then its one image chunk from byte 12.
            body.AddRange(Chunk("ANMF", [.. UInt24(0), .. UInt24(0), .. UInt24(side - 1), .. UInt24(side - 1), .. UInt24(100), 0, .. still[12..]]));
        }
        return [.. Chunk("RIFF", [.. body])];
    }

    public static byte[] Gif() => Encode(Picture(50, 50, 10), new GifEncoder());

    /// <summary>A real, tiny PNG whose header claims 30 000 × 30 000 pixels: decoding it would want gigabytes.</summary>
    public static byte[] PngBomb()
    {
        var png = Png();
        // IHDR data starts at byte 16: width and height, big-endian; then fix the chunk's CRC.
        WriteBigEndian(png, 16, 30_000);
        WriteBigEndian(png, 20, 30_000);
        WriteBigEndian(png, 29, Crc32(png.AsSpan(12, 17)));
        return png;
    }

    public static byte[] Truncated(byte[] image) => image[..(image.Length / 3)];

    /// <summary>A JPEG start-of-image marker and nothing after it but zeros: the decoder fails outside its own exception types.</summary>
    public static byte[] JpegMarkerAndZeros() => [0xFF, 0xD8, .. new byte[100]];

    public static byte[] NotAnImage() => "This is a text file renamed to photo.jpg\n"u8.ToArray();

    private static Image<Rgb24> Picture(int width, int height, byte shade)
    {
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    // The left half is brighter, so orientation can be checked after decoding.
                    row[x] = new Rgb24((byte)(x < width / 2 ? 230 : shade), shade, (byte)(y * 255 / height));
                }
            }
        });
        return image;
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        image.Dispose();
        return stream.ToArray();
    }

    private static byte[] Chunk(string fourCc, byte[] data) =>
        [.. System.Text.Encoding.ASCII.GetBytes(fourCc), .. BitConverter.GetBytes(data.Length), .. data, .. data.Length % 2 == 1 ? new byte[] { 0 } : []];

    private static byte[] UInt24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static void WriteBigEndian(byte[] bytes, int offset, uint value)
    {
        bytes[offset] = (byte)(value >> 24);
        bytes[offset + 1] = (byte)(value >> 16);
        bytes[offset + 2] = (byte)(value >> 8);
        bytes[offset + 3] = (byte)value;
    }

    private static uint Crc32(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
