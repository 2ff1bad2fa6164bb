namespace HeritageRegistry.Data;

/// <summary>One version of a disputed claim, with the sources that give it.</summary>
public sealed record DisagreementVersion(string Statement, IReadOnlyList<(string Reference, string Title)> Sources);

/// <summary>A claim the sources disagree about, on a report (ReportId) or on a place's own facts.</summary>
public sealed record Disagreement(long? ReportId, string Topic, string? Note, IReadOnlyList<DisagreementVersion> Versions);

/// <summary>
/// How a page reads disagreements: every version and its sources in one statement (<see cref="ForSiteSql"/> with
/// @siteSlug, <see cref="ForReportSql"/> with @reportReference), grouped here. The place and report pages read it in their own round trip.
/// </summary>
public static class DisagreementStore
{
    internal sealed record Row
    {
        public long Id { get; init; }
        public long? ReportId { get; init; }
        public string Topic { get; init; } = "";
        public string? Note { get; init; }
        public long VersionId { get; init; }
        public string Statement { get; init; } = "";
        public string? SourceReference { get; init; }
        public string? SourceTitle { get; init; }
    }

    // One text per key, like the photo gallery's, rather than "@a IS NULL OR slug = @a", which no index answers
    // once the statement is prepared with a plan for any values.
    internal static readonly string ForSiteSql = Sql("s.slug = @siteSlug");

    internal static readonly string ForReportSql = Sql("r.reference = @reportReference");

    private static string Sql(string key) => $"""
        SELECT d.id, d.report_id, d.topic, d.note, v.id AS version_id, v.statement,
               so.reference AS source_reference, so.title AS source_title
        FROM disagreement d
        JOIN disagreement_version v ON v.disagreement_id = d.id
        LEFT JOIN disagreement_source ds ON ds.version_id = v.id
        LEFT JOIN source so ON so.id = ds.source_id AND {PublicSql.Source("so")}
        LEFT JOIN damage_report r ON r.id = d.report_id
        JOIN site s ON s.id = COALESCE(d.site_id, r.site_id)
        WHERE d.deleted_at IS NULL AND {key}
        ORDER BY d.position, d.id, v.position, v.id, so.reference
        """;

    /// <summary>Each disagreement once, its versions in order, each with its sources.</summary>
    internal static IReadOnlyList<Disagreement> Group(IEnumerable<Row> rows) =>
        rows.GroupBy(r => (r.Id, r.ReportId, r.Topic, r.Note))
            .Select(d => new Disagreement(d.Key.ReportId, d.Key.Topic, d.Key.Note, d.GroupBy(r => (r.VersionId, r.Statement))
                .Select(v => new DisagreementVersion(v.Key.Statement,
                    v.Where(r => r.SourceReference is not null).Select(r => (r.SourceReference!, r.SourceTitle!)).ToList()))
                .ToList()))
            .ToList();
}
