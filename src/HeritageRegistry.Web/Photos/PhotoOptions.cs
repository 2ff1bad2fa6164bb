namespace HeritageRegistry.Photos;

/// <summary>Limits that hold before any pixel is decoded. Bound from "Registry:Photos".</summary>
public sealed class PhotoOptions
{
    public const string Section = "Registry:Photos";

    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>Decodes that may run at once: each can take hundreds of megabytes.</summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>The most the decoder may allocate for one image, whatever the file claims.</summary>
    public int DecoderMemoryLimitMegabytes { get; set; } = 512;

    public int ThumbnailSize { get; set; } = 400;

    public int DisplaySize { get; set; } = 1600;

    /// <summary>A byte count as people read it, for limit messages.</summary>
    public static string Describe(long bytes) => bytes >= 1048576
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
