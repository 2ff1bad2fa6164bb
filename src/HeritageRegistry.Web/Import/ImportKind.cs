using System.Globalization;
using System.Text;
using CsvHelper;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Pages.Curate.Reports;
using HeritageRegistry.Pages.Curate.Sites;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Import;

/// <summary>
/// One documented column of an import file. <see cref="Property"/> is the field of the curators' form it fills,
/// so the form's own checks name this column when they refuse its value.
/// </summary>
public sealed record ImportColumn(string Name, string? Property, bool Required, string Help, string Example, TermList? Terms = null);

/// <summary>What one row of an import file becomes (a place or a report), and its documented columns.</summary>
public sealed record ImportKind(string Name, string Plural, RecordType Type, IReadOnlyList<ImportColumn> Columns)
{
    /// <summary>References of sources, separated by spaces, commas, semicolons or bars (S01 S07).</summary>
    public const string Sources = "sources";

    public static readonly ImportKind Report = new("report", "reports", RecordType.Report,
    [
        new("place", nameof(ReportInput.SiteId), true, "The place's address name (slug), as in /sites/temple-of-bel.", "temple-of-bel"),
        new("kind", nameof(ReportInput.Kind), true, "Report kind code.", "damage", Vocab.ReportKinds),
        new("title", nameof(ReportInput.Title), true, "A short title, at most 200 characters.", "Temple of Bel destroyed"),
        new("event_date", nameof(ReportInput.EventDate), true, "When it happened, as EDTF: 2015-08-30, 2015-08, 2015-08~ or 2015-08-27/2015-08-31.", "2015-08-30"),
        new("reported_date", nameof(ReportInput.ReportedDate), false, "When it was reported, as EDTF.", "2015-08-31"),
        new("cause", nameof(ReportInput.Cause), false, "Cause code.", "demolition-destruction", Vocab.Causes),
        new("effect", nameof(ReportInput.Effect), false, "Effect code.", "collapse-structural-damage", Vocab.Effects),
        new("severity", nameof(ReportInput.Severity), false, "Severity code (none for a context event).", "destroyed", Vocab.Severities),
        new("extent", nameof(ReportInput.Extent), false, "Extent code.", "unknown", Vocab.Extents),
        new("certainty", nameof(ReportInput.Certainty), false, "Certainty code.", "high", Vocab.Certainties),
        new("verification", nameof(ReportInput.Verification), true, "Verification code.", "verified-imagery", Vocab.Verifications),
        new("method", nameof(ReportInput.Method), false, "Method code.", "satellite-imagery", Vocab.Methods),
        new("assessor", nameof(ReportInput.Assessor), false, "Who assessed it, at most 200 characters.", "UNITAR-UNOSAT"),
        new("description", nameof(ReportInput.Description), false, "What happened, at most 20,000 characters.", "Satellite images of 31 August show the cella destroyed."),
        new(Sources, null, true, "References of the sources it cites, e.g. S01 S07 (at least one).", "S01"),
    ]);

    public static readonly ImportKind Site = new("site", "places", RecordType.Site,
    [
        new("slug", nameof(SiteInput.Slug), false, "Address name: lower-case letters, digits and hyphens; made from the English name when empty.", "tower-of-example"),
        new("name_en", nameof(SiteInput.NameEn), true, "English name, at most 200 characters.", "Tower of Example"),
        new("name_ar", nameof(SiteInput.NameAr), false, "Arabic name.", "برج المثال"),
        new("kind", nameof(SiteInput.Kind), true, "Place kind code.", "tomb", Vocab.SiteKinds),
        new("parent", nameof(SiteInput.ParentId), false, "The slug of the place it is part of.", "valley-of-the-tombs"),
        new("summary", nameof(SiteInput.Summary), false, "One line, at most 500 characters.", "A tower tomb west of the city."),
        new("description", nameof(SiteInput.Description), false, "At most 20,000 characters.", ""),
        new("latitude", nameof(SiteInput.Latitude), false, "Decimal degrees, -90 to 90 (with longitude, or neither).", "34.5495"),
        new("longitude", nameof(SiteInput.Longitude), false, "Decimal degrees, -180 to 180.", "38.2603"),
        new("sensitive", nameof(SiteInput.IsSensitive), false, "yes to show only generalised coordinates in public; no or empty otherwise.", "no"),
        new("built", nameof(SiteInput.Built), false, "Built / period, at most 300 characters.", "AD 103"),
        new("unesco_whc_id", nameof(SiteInput.UnescoWhcId), false, "UNESCO World Heritage id, a number.", ""),
        new("pleiades_id", nameof(SiteInput.PleiadesId), false, "Pleiades id, a number.", ""),
        new("wikidata_id", nameof(SiteInput.WikidataId), false, "Wikidata id, e.g. Q5747.", ""),
        new("other_names", nameof(SiteInput.OtherNames), false, "Other names, separated by |.", "Burj Example"),
        new(Sources, null, false, "References of the sources it cites, e.g. S01 S07.", "S01"),
    ]);

    /// <summary>The columns the dry run's table shows for each row.</summary>
    public IReadOnlyList<string> Shown => this == Report
        ? ["place", "title", "kind", "event_date", "severity", Sources]
        : ["slug", "name_en", "kind", "parent", "latitude", "longitude", Sources];

    public static IReadOnlyList<ImportKind> All { get; } = [Report, Site];

    public static ImportKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The kind a file's header names: a report file has event_date, a place file name_en.</summary>
    public static ImportKind? FromColumns(IReadOnlyCollection<string> columns) =>
        columns.Contains("event_date") ? Report : columns.Contains("name_en") ? Site : null;

    /// <summary>The column that fills a form field, for naming where a problem is.</summary>
    public string ColumnOf(string? property) => Columns.FirstOrDefault(c => c.Property == property)?.Name ?? "";

    /// <summary>A CSV template: the header, and one example row.</summary>
    public byte[] TemplateCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Name);
            }
            csv.NextRecord();
            foreach (var column in Columns)
            {
                csv.WriteField(column.Example);
            }
            csv.NextRecord();
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }
}
