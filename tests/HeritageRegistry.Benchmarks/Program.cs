using HeritageRegistry.Benchmarks.Import;
using HeritageRegistry.Benchmarks.Pages;
using HeritageRegistry.Benchmarks.Photos;
using HeritageRegistry.Benchmarks.Providers;
using HeritageRegistry.Benchmarks.Search;

// `make bench`: every figure is a ratio to a reference measured in the same run.
var webDll = Path.Combine(AppContext.BaseDirectory, "HeritageRegistry.Web.dll");
var postgres = BenchPostgres.FromEnvironment();
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
if (args is ["search-existing", var existing, .. var copy])
{
    // A registry made by `generate`, or its copy-data copy: search-existing FOLDER [POSTGRESQL-CONNECTION]
    await SearchBench.MeasureAsync(existing, copy is [var connection] ? connection : null);
    return 0;
}
if (args is ["search", .. var size])
{
    var reports = size is [var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    await SearchBench.RunAsync(reports / 100, reports, reports / 10);
    return 0;
}
if (args is ["import"])
{
    return await ImportBench.RunAsync();
}
if (args is ["throughput", .. var web])
{
    // Another build's HeritageRegistry.Web.dll may be named, to compare two versions on one machine.
    await Throughput.RunAsync(web is [var dll] ? Path.GetFullPath(dll) : webDll);
    return 0;
}
if (args is ["providers", .. var providerSize])
{
    // PostgreSQL beside SQLite only: search at a million reports, page throughput, two nodes against one;
    // `providers 100000 pages nodes` runs only the parts named.
    await ProviderBench.RunAsync(postgres ?? throw new InvalidOperationException("Set HERITAGE_BENCH_POSTGRES to a PostgreSQL server's connection string."),
        webDll, providerSize is [var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, [.. providerSize.Skip(1)]);
    return 0;
}
#if DEBUG
Console.WriteLine("Note: Debug configuration; `make bench` builds Release, whose figures are the ones to quote.");
#endif
await PageLatency.RunAsync();
await PhotoIngestBench.RunAsync();
await ImportBench.RunAsync();
if (postgres is null)
{
    Console.WriteLine("PostgreSQL beside SQLite skipped: set HERITAGE_BENCH_POSTGRES (or HERITAGE_TEST_POSTGRES) to a PostgreSQL server's connection string.");
    await Throughput.RunAsync(webDll);
    await SearchBench.RunAsync(places: 10_000, reports: 1_000_000, sources: 100_000);
}
else
{
    // The throughput and search tables, each on both providers side by side.
    await ProviderBench.RunAsync(postgres, webDll, 1_000_000, []);
}
return 0;
