using HeritageRegistry.Benchmarks.Pages;
using HeritageRegistry.Benchmarks.Photos;
using HeritageRegistry.Benchmarks.Search;

// `make bench`: every figure is a ratio to a reference measured in the same run.
if (args is [PhotoIngestBench.ChildMode, var photo, var count, var folder])
{
    return await PhotoIngestBench.ChildAsync(photo, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), folder);
}
if (args is ["generate", var target, .. var sizes])
{
    // A synthetic registry to explore by hand: Registry__DataDirectory=FOLDER Registry__Seed=false make run
    var reportCount = sizes is [var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    await SyntheticRegistry.CreateAsync(target, Math.Max(10, reportCount / 100), reportCount, Math.Max(10, reportCount / 10));
    return 0;
}
if (args is ["search-existing", var existing])
{
    await SearchBench.MeasureAsync(existing);
    return 0;
}
if (args is ["search", .. var size])
{
    var reports = size is [var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    await SearchBench.RunAsync(reports / 100, reports, reports / 10);
    return 0;
}
if (args is ["throughput", .. var web])
{
    // Another build's HeritageRegistry.Web.dll may be named, to compare two versions on one machine.
    await Throughput.RunAsync(web is [var dll] ? Path.GetFullPath(dll) : Path.Combine(AppContext.BaseDirectory, "HeritageRegistry.Web.dll"));
    return 0;
}
#if DEBUG
Console.WriteLine("Note: Debug configuration; `make bench` builds Release, whose figures are the ones to quote.");
#endif
await PageLatency.RunAsync();
await Throughput.RunAsync(Path.Combine(AppContext.BaseDirectory, "HeritageRegistry.Web.dll"));
await PhotoIngestBench.RunAsync();
await SearchBench.RunAsync(places: 10_000, reports: 1_000_000, sources: 100_000);
return 0;
