using HeritageRegistry.Data;
using HeritageRegistry.Seed;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.UnitTests.Seed;

public sealed class SeedArabicTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seed-ar-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Seed_files_may_give_a_records_Arabic_text_and_without_it_the_columns_stay_empty()
    {
        File.WriteAllText(Path.Combine(_folder, "sites.json"), """
            [{ "slug": "temple-of-bel", "kind": "temple", "nameEn": "Temple of Bel", "summary": "A temple.", "summaryAr": "معبد.",
               "descriptionAr": "وصف **المعبد**." },
             { "slug": "arch", "kind": "arch", "nameEn": "Arch" }]
            """);
        File.WriteAllText(Path.Combine(_folder, "reports.json"), """
            [{ "ref": "PAL-2015-0010", "site": "temple-of-bel", "kind": "damage", "title": "Destroyed", "titleAr": "دُمّر",
               "eventDate": "2015-08-30", "verification": "reported", "citations": [{ "source": "S01" }] }]
            """);
        var files = SeedFiles.FromFolder(_folder);
        var references = new ReportReferences(Options.Create(new RegistryOptions()));

        var bel = SeedValues.Site(files.Sites[0], null);
        var arch = SeedValues.Site(files.Sites[1], null);
        var report = SeedValues.Report(files.Reports[0], references, 1);

        Assert.Equal(("معبد.", "وصف **المعبد**."), (bel["summary_ar"], bel["description_ar"]));
        Assert.Equal((null, null), (arch["summary_ar"], arch["description_ar"]));
        Assert.Equal(("دُمّر", null), (report["title_ar"], report["description_ar"]));
    }
}
