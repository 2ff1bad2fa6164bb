namespace HeritageRegistry.Seed;

// The shapes of Seed/Palmyra/*.json. Vocabulary fields hold codes from Vocabulary/Vocab.

public sealed record SeedSource(
    string Ref, string Kind, string Title, string? Publisher, string? Authors,
    string? Published, string? Url, string? Language, string? Notes);

public sealed record SeedSite(
    string Slug, string? Parent, string Kind, string NameEn, string? NameAr, IReadOnlyList<string>? OtherNames,
    double? Latitude, double? Longitude, string? Built, string? Summary, string? Description,
    string? UnescoId, string? PleiadesId, string? WikidataId, IReadOnlyList<string>? Sources);

public sealed record SeedCitation(string Source, string? Locator, string? Quote);

public sealed record SeedReport(
    string Site, string Kind, string Title, string EventDate, string? ReportedDate,
    string? Cause, string? Effect, string? Severity, string? Extent, string? Certainty,
    string Verification, string? Method, string? Assessor, string? Description,
    IReadOnlyList<SeedCitation> Citations);

public sealed record SeedVersion(string Statement, IReadOnlyList<string> Sources);

/// <summary>A claim sources disagree about: on a report (site + its event date) or on the site's own facts.</summary>
public sealed record SeedDisagreement(string Site, string? ReportDate, string Topic, IReadOnlyList<SeedVersion> Versions);
