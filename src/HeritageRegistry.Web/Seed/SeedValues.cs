using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Dates;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Seed;

/// <summary>
/// A seed record as the columns of its <see cref="RecordType"/>, defined once for the first seed of an empty
/// database and for the update steps that bring an older one to the same state. Codes outside the vocabulary
/// stop the seed with the record's name.
/// </summary>
public static class SeedValues
{
    public static Dictionary<string, object?> Source(SeedSource source)
    {
        Require(Vocab.SourceKinds, source.Kind, source.Ref);
        var published = source.Published is null ? null : EdtfDate.Parse(source.Published);
        return new()
        {
            ["reference"] = source.Ref, ["kind"] = source.Kind, ["title"] = source.Title, ["publisher"] = source.Publisher,
            ["authors"] = source.Authors, ["published_date"] = published?.Text,
            ["published_earliest"] = published is null ? null : Clock.ToText(published.Earliest),
            ["published_latest"] = published is null ? null : Clock.ToText(published.Latest),
            ["url"] = source.Url, ["archived_url"] = null, ["accessed_date"] = source.Accessed, ["language"] = source.Language,
            ["notes"] = source.Notes, ["doi"] = null,
        };
    }

    public static Dictionary<string, object?> Site(SeedSite site, long? parentId)
    {
        Require(Vocab.SiteKinds, site.Kind, site.Slug);
        return new()
        {
            ["slug"] = site.Slug, ["parent_id"] = parentId, ["kind"] = site.Kind, ["name_en"] = site.NameEn, ["name_ar"] = site.NameAr,
            ["summary"] = site.Summary, ["summary_ar"] = site.SummaryAr, ["description"] = site.Description,
            ["description_ar"] = site.DescriptionAr, ["latitude"] = site.Latitude, ["longitude"] = site.Longitude,
            ["is_sensitive"] = site.Sensitive ? 1L : 0L, ["built"] = site.Built, ["unesco_whc_id"] = site.UnescoId,
            ["pleiades_id"] = site.PleiadesId, ["wikidata_id"] = site.WikidataId,
            [SiteNames.Rows.Field] = string.Join('\n', site.OtherNames ?? []),
        };
    }

    public static Dictionary<string, object?> Report(SeedReport report, ReportReferences references, long siteId)
    {
        var reference = Reference(report.Ref, references);
        Require(Vocab.ReportKinds, report.Kind, reference);
        Require(Vocab.Verifications, report.Verification, reference);
        foreach (var (list, code) in new[]
        {
            (Vocab.Causes, report.Cause), (Vocab.Effects, report.Effect), (Vocab.Severities, report.Severity),
            (Vocab.Extents, report.Extent), (Vocab.Certainties, report.Certainty), (Vocab.Methods, report.Method),
        })
        {
            if (code is not null)
            {
                Require(list, code, reference);
            }
        }
        if (report.Citations.Count == 0)
        {
            throw new InvalidDataException($"Seed report {reference} has no citation; nothing is published without a source.");
        }
        var date = EdtfDate.Parse(report.EventDate);
        return new()
        {
            ["reference"] = reference, ["site_id"] = siteId, ["kind"] = report.Kind, ["title"] = report.Title, ["title_ar"] = report.TitleAr,
            ["event_date"] = date.Text, ["event_earliest"] = Clock.ToText(date.Earliest), ["event_latest"] = Clock.ToText(date.Latest),
            ["reported_date"] = report.ReportedDate is null ? null : EdtfDate.Parse(report.ReportedDate).Text,
            ["cause"] = report.Cause, ["effect"] = report.Effect, ["severity"] = report.Severity, ["extent"] = report.Extent,
            ["certainty"] = report.Certainty, ["verification"] = report.Verification, ["method"] = report.Method,
            ["assessor"] = report.Assessor, ["description"] = report.Description, ["description_ar"] = report.DescriptionAr,
        };
    }

    /// <summary>The stored reference of a seed ref: PAL-2015-0002 keeps its year and number under the configured prefix.</summary>
    public static string Reference(string seedRef, ReportReferences references) =>
        seedRef.Split('-') is [.., var year, var number]
        && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? references.Format(y, n)
            : throw new InvalidDataException($"Seed report ref {seedRef} is not of the form PAL-2015-0002.");

    /// <summary>A disagreement at its place in disagreements.json, so every database lists them in the same order.</summary>
    public static Dictionary<string, object?> Disagreement(SeedDisagreement disagreement, long? reportId, long? siteId, int position) => new()
    {
        ["report_id"] = reportId, ["site_id"] = siteId, ["topic"] = disagreement.Topic, ["note"] = null, ["position"] = (long)position,
        // Sources in the order the registry reads them back, so an unchanged disagreement compares equal.
        [DisagreementVersions.Rows.Field] = DisagreementVersions.Format(disagreement.Versions.Select(v =>
            new VersionText(v.Statement, [.. v.Sources.Order(StringComparer.Ordinal).Select(s => (s, (string?)null))]))),
    };

    /// <summary>A citation of a report or a site (<paramref name="targetColumn"/> report_id or site_id).</summary>
    public static Dictionary<string, object?> Citation(long sourceId, string targetColumn, long targetId, SeedCitation citation, int position) => new()
    {
        ["source_id"] = sourceId, ["report_id"] = targetColumn == "report_id" ? targetId : null,
        ["site_id"] = targetColumn == "site_id" ? targetId : null, ["photo_id"] = null,
        ["locator"] = citation.Locator, ["quote"] = citation.Quote, ["position"] = (long)position,
    };

    /// <summary>A site's sources as citations without locator or quote, the way sites.json lists them.</summary>
    public static IReadOnlyList<SeedCitation> Citations(SeedSite site) => [.. (site.Sources ?? []).Select(s => new SeedCitation(s, null, null))];

    private static void Require(TermList list, string code, string record)
    {
        if (!list.Contains(code))
        {
            throw new InvalidDataException($"Seed record {record}: '{code}' is not a {list.Name} code.");
        }
    }
}
