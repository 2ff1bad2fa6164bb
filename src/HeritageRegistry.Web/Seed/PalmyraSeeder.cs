using System.Data;
using System.Text.Json;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Dates;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Seed;

/// <summary>
/// Loads the Palmyra record (Seed/Palmyra/*.json, embedded) into an empty database, in one
/// transaction: either the whole record arrives or none of it. A database that already
/// holds any site is left alone, so restarts never duplicate.
/// </summary>
public sealed class PalmyraSeeder(Database database, ReportReferences references, ILogger<PalmyraSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string SeedNote = "Loaded from the Palmyra seed record";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM site", cancellationToken: cancellationToken)) > 0)
        {
            return false;
        }

        var sources = Load<SeedSource>("sources");
        var sites = Load<SeedSite>("sites");
        var reports = Load<SeedReport>("reports");
        var disagreements = Load<SeedDisagreement>("disagreements");
        var now = Clock.NowText();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sourceIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            sourceIds[source.Ref] = await InsertSourceAsync(connection, transaction, source, now, cancellationToken);
        }

        var siteIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            siteIds[site.Slug] = await InsertSiteAsync(connection, transaction, site, siteIds, sourceIds, now, cancellationToken);
        }

        var perYear = new Dictionary<int, int>();
        var reportIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            var date = EdtfDate.Parse(report.EventDate);
            var sequence = perYear[date.Earliest.Year] = perYear.GetValueOrDefault(date.Earliest.Year) + 1;
            var reference = references.Format(date.Earliest.Year, sequence);
            reportIds[$"{report.Site}|{report.EventDate}"] =
                await InsertReportAsync(connection, transaction, report, reference, date, siteIds, sourceIds, now, cancellationToken);
        }
        for (var i = 0; i < disagreements.Count; i++)
        {
            await InsertDisagreementAsync(connection, transaction, disagreements[i], i, siteIds, reportIds, sourceIds, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the Palmyra record: {Sites} places, {Reports} reports, {Sources} sources",
            sites.Count, reports.Count, sources.Count);
        return true;
    }

    private static async Task<long> InsertSourceAsync(IDbConnection connection, IDbTransaction transaction,
        SeedSource source, string now, CancellationToken cancellationToken)
    {
        Require(Vocab.SourceKinds, source.Kind, source.Ref);
        var published = source.Published is null ? null : EdtfDate.Parse(source.Published);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO source (reference, kind, title, publisher, authors, published_date, published_earliest,
                                published_latest, url, language, notes, publication, created_at, updated_at)
            VALUES (@Ref, @Kind, @Title, @Publisher, @Authors, @PublishedDate, @Earliest,
                    @Latest, @Url, @Language, @Notes, 'published', @now, @now)
            RETURNING id
            """,
            new
            {
                source.Ref, source.Kind, source.Title, source.Publisher, source.Authors,
                PublishedDate = published?.Text,
                Earliest = published is null ? null : Clock.ToText(published.Earliest),
                Latest = published is null ? null : Clock.ToText(published.Latest),
                source.Url, source.Language, source.Notes, now,
            }, transaction, cancellationToken: cancellationToken));
        await RecordEditor.RecordCreatedAsync(connection, transaction, RecordType.Source, id, SeedNote, cancellationToken);
        await SearchIndex.RefreshAsync(connection, transaction, "source", id, cancellationToken);
        return id;
    }

    private static async Task<long> InsertSiteAsync(IDbConnection connection, IDbTransaction transaction, SeedSite site,
        Dictionary<string, long> siteIds, Dictionary<string, long> sourceIds, string now, CancellationToken cancellationToken)
    {
        Require(Vocab.SiteKinds, site.Kind, site.Slug);
        long? parentId = site.Parent is null ? null
            : siteIds.TryGetValue(site.Parent, out var parent) ? parent
            : throw new InvalidDataException($"Seed site {site.Slug} names parent {site.Parent}, which is not listed before it.");
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO site (slug, parent_id, kind, name_en, name_ar, summary, description, latitude, longitude,
                              built, unesco_whc_id, pleiades_id, wikidata_id, publication, created_at, updated_at)
            VALUES (@Slug, @parentId, @Kind, @NameEn, @NameAr, @Summary, @Description, @Latitude, @Longitude,
                    @Built, @UnescoId, @PleiadesId, @WikidataId, 'published', @now, @now)
            RETURNING id
            """,
            new
            {
                site.Slug, parentId, site.Kind, site.NameEn, site.NameAr, site.Summary, site.Description,
                site.Latitude, site.Longitude, site.Built, site.UnescoId, site.PleiadesId, site.WikidataId, now,
            }, transaction, cancellationToken: cancellationToken));

        var otherNames = site.OtherNames ?? [];
        for (var i = 0; i < otherNames.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO site_name (site_id, name, position) VALUES (@id, @name, @i)",
                new { id, name = otherNames[i], i }, transaction, cancellationToken: cancellationToken));
        }
        await InsertCitationsAsync(connection, transaction, "site_id", id,
            (site.Sources ?? []).Select(s => new SeedCitation(s, null, null)), sourceIds, now, cancellationToken);
        await RecordEditor.RecordCreatedAsync(connection, transaction, RecordType.Site, id, SeedNote, cancellationToken);
        await SearchIndex.RefreshAsync(connection, transaction, "site", id, cancellationToken);
        return id;
    }

    private static async Task<long> InsertReportAsync(IDbConnection connection, IDbTransaction transaction, SeedReport report,
        string reference, EdtfDate date, Dictionary<string, long> siteIds, Dictionary<string, long> sourceIds,
        string now, CancellationToken cancellationToken)
    {
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
        var siteId = siteIds.TryGetValue(report.Site, out var site) ? site
            : throw new InvalidDataException($"Seed report {reference} names unknown site {report.Site}.");
        var reported = report.ReportedDate is null ? null : EdtfDate.Parse(report.ReportedDate);

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO damage_report (reference, site_id, kind, title, event_date, event_earliest, event_latest,
                reported_date, cause, effect, severity, extent, certainty, verification, method, assessor,
                description, publication, created_at, updated_at)
            VALUES (@reference, @siteId, @Kind, @Title, @EventDate, @Earliest, @Latest,
                @ReportedDate, @Cause, @Effect, @Severity, @Extent, @Certainty, @Verification, @Method, @Assessor,
                @Description, 'published', @now, @now)
            RETURNING id
            """,
            new
            {
                reference, siteId, report.Kind, report.Title, EventDate = date.Text,
                Earliest = Clock.ToText(date.Earliest), Latest = Clock.ToText(date.Latest),
                ReportedDate = reported?.Text, report.Cause, report.Effect, report.Severity, report.Extent,
                report.Certainty, report.Verification, report.Method, report.Assessor, report.Description, now,
            }, transaction, cancellationToken: cancellationToken));
        await InsertCitationsAsync(connection, transaction, "report_id", id, report.Citations, sourceIds, now, cancellationToken);
        await RecordEditor.RecordCreatedAsync(connection, transaction, RecordType.Report, id, SeedNote, cancellationToken);
        await SearchIndex.RefreshAsync(connection, transaction, "report", id, cancellationToken);
        return id;
    }

    private static async Task InsertDisagreementAsync(IDbConnection connection, IDbTransaction transaction, SeedDisagreement disagreement,
        int position, Dictionary<string, long> siteIds, Dictionary<string, long> reportIds, Dictionary<string, long> sourceIds,
        string now, CancellationToken cancellationToken)
    {
        long? reportId = disagreement.ReportDate is null ? null
            : reportIds.TryGetValue($"{disagreement.Site}|{disagreement.ReportDate}", out var report) ? report
            : throw new InvalidDataException($"Seed disagreement '{disagreement.Topic}' names no report of {disagreement.Site} dated {disagreement.ReportDate}.");
        long? siteId = reportId is null ? siteIds[disagreement.Site] : null;
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO disagreement (report_id, site_id, topic, position, created_at, updated_at)
            VALUES (@reportId, @siteId, @Topic, @position, @now, @now)
            RETURNING id
            """, new { reportId, siteId, disagreement.Topic, position, now }, transaction, cancellationToken: cancellationToken));
        var versions = DisagreementVersions.Format(disagreement.Versions.Select(v => new VersionText(v.Statement, [.. v.Sources.Select(s => (s, (string?)null))])));
        if (await DisagreementVersions.Rows.WriteAsync(connection, transaction, id, versions, cancellationToken) is { } problem)
        {
            throw new InvalidDataException($"Seed disagreement '{disagreement.Topic}': {problem}");
        }
        await RecordEditor.RecordCreatedAsync(connection, transaction, RecordType.Disagreement, id, SeedNote, cancellationToken);
    }

    private static async Task InsertCitationsAsync(IDbConnection connection, IDbTransaction transaction, string targetColumn,
        long targetId, IEnumerable<SeedCitation> citations, Dictionary<string, long> sourceIds, string now,
        CancellationToken cancellationToken)
    {
        // targetColumn is one of two constants chosen above, never input.
        var sql = $"""
            INSERT INTO citation (source_id, {targetColumn}, locator, quote, position, created_at, updated_at)
            VALUES (@sourceId, @targetId, @Locator, @Quote, @position, @now, @now)
            """;
        var position = 0;
        foreach (var citation in citations)
        {
            var sourceId = sourceIds.TryGetValue(citation.Source, out var found) ? found
                : throw new InvalidDataException($"Seed cites unknown source {citation.Source}.");
            await connection.ExecuteAsync(new CommandDefinition(sql,
                new { sourceId, targetId, citation.Locator, citation.Quote, position = position++, now },
                transaction, cancellationToken: cancellationToken));
        }
    }

    private static void Require(TermList list, string code, string record)
    {
        if (!list.Contains(code))
        {
            throw new InvalidDataException($"Seed record {record}: '{code}' is not a {list.Name} code.");
        }
    }

    private static List<T> Load<T>(string name)
    {
        using var stream = typeof(PalmyraSeeder).Assembly.GetManifestResourceStream($"seed/palmyra/{name}.json")
            ?? throw new InvalidDataException($"Seed file {name}.json is not embedded.");
        return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
    }
}
