using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using HeritageRegistry.Photos;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace HeritageRegistry.Benchmarks.Photos;

/// <summary>
/// Ingest of a 24-megapixel JPEG (hash, identify, orient, two derivatives) against vipsthumbnail
/// making the same 400 px thumbnail in the same run. Each ingest runs in a child process, so its
/// peak memory is that process's own high-water mark, not the bench's.
/// </summary>
public static class PhotoIngestBench
{
    private const int Runs = 5;
    public const string ChildMode = "photo-ingest";

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("heritage-photo-bench-").FullName;
        try
        {
            var photo = Path.Combine(folder, "24mp.jpg");
            MakePhoto(photo, 6000, 4000);
            Console.WriteLine();
            Console.WriteLine($"Photo ingest of a 6000 × 4000 JPEG ({new FileInfo(photo).Length / 1048576.0:0.0} MB), median of {Runs} runs");

            var vips = await MedianAsync(() => RunAsync("vipsthumbnail", [photo, "-s", "400", "-o", Path.Combine(folder, "vips-thumb.jpg")]));
            var self = Environment.ProcessPath!;
            var one = await MedianAsync(() => RunAsync(self, [ChildMode, photo, "1", folder]));
            var eight = await RunAsync(self, [ChildMode, photo, "8", folder]);

            Console.WriteLine($"{"case",-36} {"time",10} {"ratio",7} {"peak memory",13} {"target",12}");
            Console.WriteLine(Row("vipsthumbnail, 400 px (reference)", vips.Seconds, 1, null, ""));
            Console.WriteLine(Row("ingest, 1 photo", one.Seconds, one.Seconds / vips.Seconds, one.PeakMegabytes, "≤ 3x, ≤ 300 MB"));
            Console.WriteLine(Row("ingest, 8 photos in parallel", eight.Seconds, eight.Seconds / vips.Seconds, eight.PeakMegabytes, "≤ 1024 MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The child: ingest the photo <paramref name="count"/> times at once and report time and peak memory.</summary>
    public static async Task<int> ChildAsync(string photo, int count, string folder)
    {
        using var processor = new PhotoProcessor(Options.Create(new PhotoOptions()));
        // One ingest first, untimed: a server compiles these code paths once, not per photo.
        await IngestAsync(processor, photo, folder, -1);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => IngestAsync(processor, photo, folder, i))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds} {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0}"));
        return 0;
    }

    private static async Task IngestAsync(PhotoProcessor processor, string photo, string folder, int i)
    {
        await using var content = File.OpenRead(photo);
        await SHA256.HashDataAsync(content);
        content.Position = 0;
        await processor.InspectAsync(content, CancellationToken.None);
        content.Position = 0;
        await processor.WriteDerivativesAsync(content, Path.Combine(folder, $"t{i}.jpg"), Path.Combine(folder, $"d{i}.jpg"), CancellationToken.None);
    }

    private sealed record Measurement(double Seconds, double? PeakMegabytes);

    private static async Task<Measurement> RunAsync(string program, string[] arguments)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        }
        // The child reports its own time (without process start-up) and peak memory; vips is timed from outside.
        var parts = output.Trim().Split(' ');
        return parts.Length == 2
            ? new Measurement(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture))
            : new Measurement(wall, null);
    }

    private static async Task<Measurement> MedianAsync(Func<Task<Measurement>> run)
    {
        var results = new List<Measurement>();
        for (var i = 0; i < Runs; i++)
        {
            results.Add(await run());
        }
        return results.OrderBy(r => r.Seconds).ElementAt(Runs / 2);
    }

    private static string Row(string name, double seconds, double ratio, double? megabytes, string target) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-36} {seconds * 1000,7:0} ms {ratio,6:0.0}x {(megabytes is { } mb ? $"{mb,9:0} MB" : "            —"),13} {target,12}");

    /// <summary>A photo-like test image: smooth gradients plus fine noise, so JPEG sizes and decode costs are realistic.</summary>
    private static void MakePhoto(string path, int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        var random = new Random(42);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var noise = random.Next(24);
                    row[x] = new Rgb24((byte)(x * 200 / width + noise), (byte)(y * 200 / height + noise), (byte)(120 + noise));
                }
            }
        });
        image.SaveAsJpeg(path, new JpegEncoder { Quality = 90 });
    }
}
