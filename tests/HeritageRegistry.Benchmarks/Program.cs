using HeritageRegistry.Benchmarks.Pages;
using HeritageRegistry.Benchmarks.Photos;

// `make bench`: every figure is a ratio to a reference measured in the same run.
if (args is [PhotoIngestBench.ChildMode, var photo, var count, var folder])
{
    return await PhotoIngestBench.ChildAsync(photo, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), folder);
}
#if DEBUG
Console.WriteLine("Note: Debug build (ImageSharp 4 needs a Six Labors licence key for Release builds); our own code is unoptimised.");
#endif
await PageLatency.RunAsync();
await PhotoIngestBench.RunAsync();
return 0;
