using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Import;
using HeritageRegistry.Seed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Benchmarks.Import;

/// <summary>
/// A 10,000-row CSV of reports against the seed's places and sources, dry-run and then imported in-process on a
/// fresh seeded SQLite registry, as the import page does it. Targets: the dry run in at most 10 s and 300 MB.
/// </summary>
public static class ImportBench
{
    private const int Rows = SpreadsheetFile.MaxRows;

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("heritage-import-bench-").FullName;
        try
        {
            var options = Options.Create(new RegistryOptions { DataDirectory = folder });
            await using var database = new Database(options);
            await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(database.Dialect.Provider), CancellationToken.None);
            var references = new ReportReferences(options);
            await new PalmyraSeeder(database, SeedFiles.Embedded(), references, NullLogger<PalmyraSeeder>.Instance).SeedIfEmptyAsync(CancellationToken.None);
            var editor = new RecordEditor(database, new RecordsChanged([], new Lifetime(), NullLogger<RecordsChanged>.Instance));
            var csv = await ReportsCsvAsync(database);

            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var timer = Stopwatch.StartNew();
            var plan = await ImportPlan.MakeAsync(SpreadsheetFile.Read(csv), null, await ImportLookups.LoadAsync(database, CancellationToken.None), editor, CancellationToken.None);
            var dryRun = timer.Elapsed.TotalSeconds;
            var heldByPlan = (GC.GetTotalMemory(forceFullCollection: false) - heapBefore) / 1048576.0;
            var peakAfterDryRun = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            if (!plan.CanImport)
            {
                throw new InvalidOperationException($"The generated file has problems: {string.Join("; ", plan.Problems.Take(5))}");
            }

            timer.Restart();
            var (id, refusal) = await new ImportStore(database, editor, references).ImportAsync(plan, "bench.csv", null, CancellationToken.None);
            var import = timer.Elapsed.TotalSeconds;
            if (id is null)
            {
                throw new InvalidOperationException($"The import was refused: {refusal}");
            }

            Console.WriteLine();
            Console.WriteLine($"Spreadsheet import of {Rows:N0} reports ({csv.Length / 1048576.0:0.0} MB CSV) on SQLite, in-process");
            Console.WriteLine($"{"case",-36} {"time",10} {"memory",22} {"target",18}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"dry run (read, look up, check)",-36} {dryRun,8:0.00} s {$"{heldByPlan:0} MB heap, {peakAfterDryRun:0} MB peak",22} {"≤ 10 s, ≤ 300 MB",18}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"import (one transaction)",-36} {import,8:0.00} s {$"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB peak",22} {"one go",18}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Rows naming the seed's places and sources in turn, each with its own title so none repeats another.</summary>
    private static async Task<byte[]> ReportsCsvAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        var places = (await connection.QueryAsync<string>("SELECT slug FROM site WHERE deleted_at IS NULL ORDER BY id")).AsList();
        var sources = (await connection.QueryAsync<string>("SELECT reference FROM source WHERE deleted_at IS NULL ORDER BY id")).AsList();
        var text = new StringBuilder("place,kind,title,event_date,reported_date,cause,severity,certainty,verification,method,assessor,description,sources\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{places[i % places.Count]},damage,Bench assessment {i} of the monument,{2012 + i % 12}-{1 + i % 12:00},{2012 + i % 12}-{1 + i % 12:00}~,");
            text.Append(CultureInfo.InvariantCulture,
                $"demolition-destruction,severely-damaged,high,verified-imagery,satellite-imagery,Bench team,\"Imagery of this date shows damage to the walls, {i}.\",{sources[i % sources.Count]} {sources[(i + 7) % sources.Count]}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication()
        {
        }
    }
}
