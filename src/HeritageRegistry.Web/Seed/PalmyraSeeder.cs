using System.Data;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Seed;

/// <summary>
/// Loads the Palmyra record (<see cref="SeedFiles"/>) into an empty database, in one transaction: either the
/// whole record arrives or none of it. A database that already holds any site is left alone, so restarts never
/// duplicate; it receives later corrections through the update steps (<see cref="SeedSteps"/>), which a fresh
/// seed, being already current, marks as applied.
/// </summary>
public sealed class PalmyraSeeder(Database database, SeedFiles files, ReportReferences references, ILogger<PalmyraSeeder> logger)
{
    private const string SeedNote = "Loaded from the Palmyra seed record";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM site", cancellationToken: cancellationToken)) > 0)
        {
            return false;
        }

        var (sources, sites, reports, disagreements) = (files.Sources, files.Sites, files.Reports, files.Disagreements);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seed = new Writer(connection, transaction, await SeedUser.IdAsync(connection, transaction, cancellationToken), cancellationToken);

        var sourceIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            sourceIds[source.Ref] = await seed.InsertAsync(RecordType.Source, SeedValues.Source(source));
        }

        var siteIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            long? parentId = site.Parent is null ? null
                : siteIds.TryGetValue(site.Parent, out var parent) ? parent
                : throw new InvalidDataException($"Seed site {site.Slug} names parent {site.Parent}, which is not listed before it.");
            var id = siteIds[site.Slug] = await seed.InsertAsync(RecordType.Site, SeedValues.Site(site, parentId));
            await seed.CiteAsync("site_id", id, SeedValues.Citations(site), sourceIds);
        }

        var reportIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            var siteId = siteIds.TryGetValue(report.Site, out var site) ? site
                : throw new InvalidDataException($"Seed report {report.Ref} names unknown site {report.Site}.");
            var id = reportIds[report.Ref] = await seed.InsertAsync(RecordType.Report, SeedValues.Report(report, references, siteId));
            await seed.CiteAsync("report_id", id, report.Citations, sourceIds);
        }

        for (var i = 0; i < disagreements.Count; i++)
        {
            var disagreement = disagreements[i];
            long? reportId = disagreement.Report is null ? null
                : reportIds.TryGetValue(disagreement.Report, out var report) ? report
                : throw new InvalidDataException($"Seed disagreement '{disagreement.Topic}' names unknown report {disagreement.Report}.");
            long? siteId = reportId is null ? siteIds[disagreement.Site] : null;
            await seed.InsertAsync(RecordType.Disagreement, SeedValues.Disagreement(disagreement, reportId, siteId, i));
        }

        await SeedSteps.MarkAppliedAsync(connection, transaction, files.StepNames, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the Palmyra record: {Sites} places, {Reports} reports, {Sources} sources",
            sites.Count, reports.Count, sources.Count);
        return true;
    }

    /// <summary>Writes seed rows directly (an empty database has nothing to check them against), each with its
    /// creation revision by the seed user and its search index row.</summary>
    private sealed record Writer(IDbConnection Connection, IDbTransaction Transaction, long SeedUserId, CancellationToken CancellationToken)
    {
        public async Task<long> InsertAsync(RecordType type, Dictionary<string, object?> values)
        {
            (string Column, string Value) publication = type.HasPublication ? (", publication", ", 'published'") : ("", "");
            // Identifiers come from the record type, never from the seed files.
            var id = await Connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
                INSERT INTO {type.Table} ({string.Join(", ", type.Columns)}{publication.Column}, created_at, updated_at)
                VALUES ({string.Join(", ", type.Columns.Select(c => "@" + c))}{publication.Value}, @now, @now)
                RETURNING id
                """, Parameters(type, values), Transaction, cancellationToken: CancellationToken));
            if (type.Children is { } children
                && await children.WriteAsync(Connection, Transaction, id, values[children.Field] as string, CancellationToken) is { } problem)
            {
                throw new InvalidDataException($"Seed {type.Name} {id}: {problem}");
            }
            if (type != RecordType.Citation)
            {
                await RecordEditor.RecordCreatedAsync(Connection, Transaction, type, id, SeedUserId, SeedNote, CancellationToken);
            }
            if (type.IsSearchable)
            {
                await SearchIndex.RefreshAsync(Connection, Transaction, type.Name, id, CancellationToken);
            }
            return id;
        }

        /// <summary>Citations of a site or report, in order. Like the first seed always did, they get no revision of their own.</summary>
        public async Task CiteAsync(string targetColumn, long targetId, IReadOnlyList<SeedCitation> citations, Dictionary<string, long> sourceIds)
        {
            for (var i = 0; i < citations.Count; i++)
            {
                var sourceId = sourceIds.TryGetValue(citations[i].Source, out var found) ? found
                    : throw new InvalidDataException($"Seed cites unknown source {citations[i].Source}.");
                await InsertAsync(RecordType.Citation, SeedValues.Citation(sourceId, targetColumn, targetId, citations[i], i));
            }
        }

        private static DynamicParameters Parameters(RecordType type, Dictionary<string, object?> values)
        {
            var parameters = new DynamicParameters();
            foreach (var column in type.Columns)
            {
                parameters.Add(column, values.GetValueOrDefault(column));
            }
            parameters.Add("now", Clock.NowText());
            return parameters;
        }
    }
}
