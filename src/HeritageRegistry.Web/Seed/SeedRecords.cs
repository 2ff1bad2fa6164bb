namespace HeritageRegistry.Seed;

// The shapes of Seed/Palmyra/*.json and Seed/Palmyra/updates/*.json. Vocabulary fields hold codes from Vocabulary/Vocab.

/// <summary>A source. Accessed is when a web page that may change (an encyclopaedia article) was read.</summary>
public sealed record SeedSource(
    string Ref, string Kind, string Title, string? Publisher, string? Authors,
    string? Published, string? Url, string? Language, string? Notes, string? Accessed = null);

// The Arabic text of a place or report (…Ar) is optional: without it, Arabic pages show the English.

/// <summary>A place. Sensitive marks one exposed to looting, whose coordinates every output generalises (Display/PublicLocation).</summary>
public sealed record SeedSite(
    string Slug, string? Parent, string Kind, string NameEn, string? NameAr, IReadOnlyList<string>? OtherNames,
    double? Latitude, double? Longitude, string? Built, string? Summary, string? Description,
    string? UnescoId, string? PleiadesId, string? WikidataId, IReadOnlyList<string>? Sources, bool Sensitive = false,
    string? SummaryAr = null, string? DescriptionAr = null);

public sealed record SeedCitation(string Source, string? Locator, string? Quote);

/// <summary>A report. Ref is its reference as the seed wrote it first (PAL-2015-0002): its stable key, whatever
/// later corrections do to its date. The stored reference takes the configured prefix.</summary>
public sealed record SeedReport(
    string Ref, string Site, string Kind, string Title, string EventDate, string? ReportedDate,
    string? Cause, string? Effect, string? Severity, string? Extent, string? Certainty,
    string Verification, string? Method, string? Assessor, string? Description,
    IReadOnlyList<SeedCitation> Citations, string? TitleAr = null, string? DescriptionAr = null);

public sealed record SeedVersion(string Statement, IReadOnlyList<string> Sources);

/// <summary>A claim sources disagree about: on a report (by its ref) or, when Report is null, on the site's own facts.
/// Site and topic are its key.</summary>
public sealed record SeedDisagreement(string Site, string? Report, string Topic, IReadOnlyList<SeedVersion> Versions);

public sealed record SeedDisagreementKey(string Site, string Topic);

/// <summary>
/// A correction or addition to the seed record, for databases seeded before it: the records it lists are
/// brought to their state in the current seed files, with <see cref="Note"/> (what changed and the source that
/// shows it) as the edit note.
/// </summary>
public sealed record SeedStep(
    string Note, IReadOnlyList<string>? Sources, IReadOnlyList<string>? Sites, IReadOnlyList<string>? Reports,
    IReadOnlyList<SeedDisagreementKey>? Disagreements);
