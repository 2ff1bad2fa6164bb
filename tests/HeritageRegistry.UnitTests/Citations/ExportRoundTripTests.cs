using HeritageRegistry.Citations;
using HeritageRegistry.Citations.Import;
using HeritageRegistry.Data;

namespace HeritageRegistry.UnitTests.Citations;

/// <summary>Every bibliography the registry writes reads back, through the import's own readers, as the same sources.</summary>
public sealed class ExportRoundTripTests
{
    private static readonly SourceDetail[] Sources =
    [
        new()
        {
            Reference = "S01", Kind = "satellite-analysis", Title = "Bel & Baalshamin: 100% {destroyed}? $5 #1 _x_ ^hat~ back\\slash -- 1914--1918",
            Authors = "Danti, M.D.; UNITAR-UNOSAT", Publisher = "UNITAR & ASOR", PublishedDate = "2015-08-25~", Doi = "10.1000/XYZ_(1)",
            Url = "https://example.org/a_b?c=1&d=%20#top", AccessedDate = "2026-11-24", Language = "en", Notes = "Compared images of 27 and 31 August.",
        },
        new()
        {
            Reference = "S02", Kind = "news", Title = "تدمر: تدمير معبد بل", Authors = "الأسعد، خالد", Publisher = "سانا",
            PublishedDate = "2015-06/2015-09-02", Language = "ar", Url = "https://sana.sy/?p=1",
        },
        new() { Reference = "S03", Kind = "eyewitness", Title = "Lāt, Nabû and the Ḥalls of Tadmor", PublishedDate = "2016?" },
        new() { Reference = "S04", Kind = "encyclopedia", Title = "Palmyra", Publisher = "Wikipedia", PublishedDate = "2016-03" },
        new() { Reference = "S05", Kind = "social-media", Title = "Video of the theatre", PublishedDate = "2017-01-20" },
        new() { Reference = "S06", Kind = "official-statement", Title = "DGAM statement", Authors = "DGAM", PublishedDate = "2015-08-30" },
        new() { Reference = "S07", Kind = "unesco", Title = "Decision 40 COM 7A.24" },
        new() { Reference = "S08", Kind = "academic", Title = "A {braced} word", Authors = "Smith, Jane; Doe, John" },
        new() { Reference = "S09", Kind = "report", Title = "ASOR weekly report" },
    ];

    public static TheoryData<string> Formats => ["bib", "ris", "json"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_field_survives_the_round_trip(string extension)
    {
        var written = BibliographyFormat.Find(extension)!.Write(Sources);

        var file = extension switch { "bib" => BibTexReader.Read(written), "ris" => RisReader.Read(written), _ => CslJsonReader.Read(written) };

        Assert.Empty(file.Problems);
        Assert.Equal(Sources.Length, file.Entries.Count);
        foreach (var (source, entry) in Sources.Zip(file.Entries))
        {
            Assert.Empty(entry.Problems);
            Assert.Equal(source.Kind, entry.Kind);
            Assert.Equal(source.Title, entry.Title);
            Assert.Equal(source.Authors, entry.Authors);
            Assert.Equal(source.Publisher, entry.Publisher);
            Assert.Equal(source.PublishedDate, entry.PublishedDate);
            Assert.Equal(source.Url, entry.Url);
            Assert.Equal(source.Doi, entry.Doi);
            Assert.Equal(source.AccessedDate, entry.AccessedDate);
            Assert.Equal(source.Language, entry.Language);
            Assert.Equal(source.Notes, entry.Notes);
        }
    }
}
