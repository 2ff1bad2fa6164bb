using HeritageRegistry.Localization;
using System.ComponentModel;
using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.Api;

// What /api/v1 answers with. Records named for what they are, so the OpenAPI document reads well;
// every record is identified by its public name (slug or reference), never a row id.

[Description("One page of a list: the items, how many there are in all, and links to walk the rest.")]
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, PageLinks Links);

[Description("Absolute addresses of this page, the first and last, and the neighbours (null at either end).")]
public sealed record PageLinks(string Self, string First, string Last, string? Prev, string? Next);

[Description("Where a record lives: in this API (self) and as a page for people (html).")]
public sealed record RecordLinks(string Self, string Html);

public sealed record SiteItem(string Slug, string? Parent, string Kind, string NameEn, string? NameAr, string? Summary,
    [property: Description("The summary in Arabic, where a curator gave one.")] string? SummaryAr, ApiCondition Condition, RecordLinks Links);

[Description("A place's current condition, as its page states it (the rule is on /methodology): the place's own latest published "
    + "assessment, or, for a place with places within it, how many of them are in each state.")]
public sealed record ApiCondition(
    [property: Description("Severity code of the place's latest assessment (for a restoration, the condition after it); null when none states one, and for a place with parts.")] string? Severity,
    [property: Description("The restoration that set the condition, when the place's latest assessment is one.")] ApiRestoration? Restoration,
    [property: Description("For a place with places within it (at any depth): how many are in each state, a severity code, 'restored' (no condition after stated) or 'none' (not assessed); null otherwise.")] IReadOnlyDictionary<string, int>? Parts,
    [property: Description("The condition in words, as the page says it.")] string Text)
{
    public static ApiCondition From(PlaceCondition condition) => new(
        condition.HasParts ? null : condition.Severity,
        condition.HasParts || condition.RestoredOn is null ? null : new ApiRestoration(condition.RestoredOn, condition.Before, condition.BeforeOn),
        condition.Parts, Languages.InEnglish(() => ConditionText.Of(condition)));
}

public sealed record ApiRestoration([property: Description("EDTF date of the restoration.")] string Date,
    [property: Description("Severity code of the damage assessed before it, if any.")] string? Before,
    [property: Description("EDTF date of that damage.")] string? BeforeDate);

[Description("WGS84 degrees. A sensitive place is generalised to one decimal degree (about 11 km), and says so.")]
public sealed record ApiLocation(double Latitude, double Longitude, bool Generalised);

[Description("The place in other gazetteers: each identifier, and the address of its record there (null where the place has none).")]
public sealed record ExternalIds(string? UnescoWhc, string? Pleiades, string? Wikidata)
{
    public string? UnescoWhcUrl => Display.GazetteerLinks.UnescoWhc(UnescoWhc);

    public string? PleiadesUrl => Display.GazetteerLinks.Pleiades(Pleiades);

    public string? WikidataUrl => Display.GazetteerLinks.Wikidata(Wikidata);
}

public sealed record SiteLinks(string Self, string Html, string Reports, string? Parent);

public sealed record SiteResource(string Slug, string? Parent, string Kind, string NameEn, string? NameAr, IReadOnlyList<string> OtherNames,
    string? Summary, [property: Description("The summary in Arabic, where a curator gave one.")] string? SummaryAr,
    [property: Description("Markdown.")] string? Description, [property: Description("The description in Arabic (Markdown), where a curator gave one.")] string? DescriptionAr,
    ApiLocation? Location, string? Built, ExternalIds ExternalIds,
    ApiCondition Condition, [property: Description("Slugs of the published places within this one.")] IReadOnlyList<string> Children,
    [property: Description("References of the published reports on this place itself, oldest first (the place's page also shows the damage to the places within it).")] IReadOnlyList<string> Reports,
    long Version, string UpdatedAt, SiteLinks Links);

public sealed record ReportItem(string Reference, string Kind, string Title,
    [property: Description("The title in Arabic, where a curator gave one.")] string? TitleAr, string Site,
    [property: Description("EDTF, as the sources allow (2015-08, 2015-06/2015-09-02, 2015-08~).")] string EventDate,
    [property: Description("First day the event date can mean (YYYY-MM-DD).")] string EventEarliest,
    [property: Description("Last day the event date can mean (YYYY-MM-DD).")] string EventLatest,
    string? Cause, string? Severity, string? Certainty, string Verification, RecordLinks Links);

public sealed record ApiCitation(string Source, string SourceTitle, string? Locator, string? Quote, RecordLinks Links);

public sealed record ReportLinks(string Self, string Html, string Site);

public sealed record ReportResource(string Reference, string Kind, string Title,
    [property: Description("The title in Arabic, where a curator gave one.")] string? TitleAr, string Site, string EventDate, string EventEarliest,
    string EventLatest, string? ReportedDate, string? Cause, string? Effect, string? Severity, string? Extent, string? Certainty,
    string Verification, string? Method, string? Assessor, [property: Description("Markdown.")] string? Description,
    [property: Description("The description in Arabic (Markdown), where a curator gave one.")] string? DescriptionAr,
    long Version, string UpdatedAt, IReadOnlyList<ApiCitation> Citations, ReportLinks Links);

public sealed record SourceItem(string Reference, string Kind, string Title, string? Publisher, string? Authors,
    [property: Description("EDTF; may be approximate or uncertain.")] string? PublishedDate, string? Url, RecordLinks Links);

[Description("A published claim citing the source: a report on a place, a photo of it, or a fact about the place itself (report and photo null).")]
public sealed record ApiClaim(string Site, string? Report, long? Photo, string? Locator, string? Quote);

public sealed record SourceResource(string Reference, string Kind, string Title, string? Publisher, string? Authors, string? PublishedDate,
    string? Url, string? ArchivedUrl, [property: Description("Digital Object Identifier, bare (10.xxxx/...).")] string? Doi, string? AccessedDate, string? Language, string? Notes, IReadOnlyList<ApiClaim> CitedBy, RecordLinks Links);

[Description("One page of search results, how many there are in all, links to walk the rest, and the counts beside each filter.")]
public sealed record SearchResultPage(IReadOnlyList<SearchResultItem> Items, long Total, int Page, int PageSize, PageLinks Links,
    [property: Description("For each filter, the values that would give results with the other chosen filters kept, and how many.")] IReadOnlyList<SearchFacet> Facets,
    [property: Description("When nothing matched: the words with misspelt ones corrected to names of places in the registry (\"did you mean\"), else null.")] string? Suggestion = null);

[Description("A matched range of a text: where it starts and how long it is, in UTF-16 code units (JavaScript string indexes).")]
public sealed record MarkRange(int Start, int Length);

[Description("Plain text (never HTML) with the ranges that matched the words marked in its original spelling.")]
public sealed record MarkedText(string Text, IReadOnlyList<MarkRange> Marks,
    [property: Description("\"ar\" when the text is mostly Arabic script (show it right to left); otherwise null.")] string? Lang);

public sealed record SearchResultItem(
    [property: Description("report, site, source or photo.")] string Type,
    [property: Description("Its public name: a report or source reference, a place's slug, a photo's number.")] string Key,
    [property: Description("Its page for people.")] string Url,
    [property: Description("It in this API; null for photos, which have no API address.")] string? Api,
    [property: Description("Plain text in its original spelling.")] string Title,
    [property: Description("Ranges of the title that matched the words.")] IReadOnlyList<MarkRange> TitleMarks,
    [property: Description("The Arabic title: a place's Arabic name, a report's Arabic title, a photo's Arabic caption; null for sources and where a curator gave none.")] string? TitleAr,
    [property: Description("Ranges of the Arabic title that matched the words; null without an Arabic title.")] IReadOnlyList<MarkRange>? TitleArMarks,
    [property: Description("A short passage of the record's text around the first match (without one, its start); null when the record has no text beyond its title.")] MarkedText? Snippet,
    [property: Description("EDTF: a report's event, a source's publication, a photo's taking.")] string? Date,
    [property: Description("Code in its type's vocabulary: report kind, site kind, source kind, or photo phase.")] string? Kind,
    [property: Description("Severity code of a damage report; null otherwise.")] string? Severity,
    [property: Description("Slug of the place a report or photo is about; null for places and sources.")] string? Site,
    string? SiteName);

[Description("The counts for one filter, named by its query parameter.")]
public sealed record SearchFacet(string Parameter, string Label, IReadOnlyList<SearchFacetValue> Values);

public sealed record SearchFacetValue(
    [property: Description("The value the filter takes: a vocabulary code, or a place's slug.")] string Code,
    string Label, string? Arabic,
    [property: Description("Results with this value and every other chosen filter.")] long Count,
    [property: Description("Whether the query has chosen it.")] bool Selected,
    [property: Description("For places: how deep within another place it lies (0 at the top). Places are listed each after its parent.")] int Depth);
