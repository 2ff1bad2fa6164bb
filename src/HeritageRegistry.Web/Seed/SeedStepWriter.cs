using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Seed;

/// <summary>
/// Brings records to their seed state within one update step's batch: a missing record is created (published),
/// a different one updated, its citations (or names, or versions) replaced to match, each write a revision by the
/// seed user with the step's note. A record a person has edited since the seed wrote it last keeps their version:
/// it is skipped whole, with a warning naming it.
/// </summary>
internal sealed class SeedStepWriter(RecordEditor editor, EditBatch batch, ReportReferences references, long seedUserId,
    string step, string note, ILogger logger, CancellationToken cancellationToken)
{
    private sealed record Cited(string Column, IReadOnlyList<SeedCitation> Citations);

    public async Task SourceAsync(SeedSource source) =>
        await BringAsync(RecordType.Source, source.Ref,
            await IdAsync("SELECT id FROM source WHERE reference = @key", source.Ref), SeedValues.Source(source), cited: null);

    public async Task SiteAsync(SeedSite site)
    {
        long? parentId = site.Parent is null ? null : await RequiredAsync("SELECT id FROM site WHERE slug = @key", site.Parent, $"place {site.Slug}");
        await BringAsync(RecordType.Site, site.Slug, await IdAsync("SELECT id FROM site WHERE slug = @key", site.Slug),
            SeedValues.Site(site, parentId), new Cited("site_id", SeedValues.Citations(site)));
    }

    public async Task ReportAsync(SeedReport report)
    {
        var siteId = await RequiredAsync("SELECT id FROM site WHERE slug = @key", report.Site, $"report {report.Ref}");
        var values = SeedValues.Report(report, references, siteId);
        var reference = (string)values["reference"]!;
        await BringAsync(RecordType.Report, reference, await IdAsync("SELECT id FROM damage_report WHERE reference = @key", reference),
            values, new Cited("report_id", report.Citations));
    }

    public async Task DisagreementAsync(SeedDisagreement disagreement, int position)
    {
        var name = $"disagreement '{disagreement.Topic}' on {disagreement.Site}";
        long? reportId = disagreement.Report is null ? null
            : await RequiredAsync("SELECT id FROM damage_report WHERE reference = @key", SeedValues.Reference(disagreement.Report, references), name);
        long? siteId = reportId is null ? await RequiredAsync("SELECT id FROM site WHERE slug = @key", disagreement.Site, name) : null;
        var id = await batch.Connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition("""
            SELECT d.id FROM disagreement d
            LEFT JOIN damage_report r ON r.id = d.report_id
            JOIN site s ON s.id = COALESCE(d.site_id, r.site_id)
            WHERE s.slug = @site AND d.topic = @topic AND d.deleted_at IS NULL
            ORDER BY d.id LIMIT 1
            """, new { site = disagreement.Site, topic = disagreement.Topic }, batch.Transaction, cancellationToken: cancellationToken));
        await BringAsync(RecordType.Disagreement, name, id, SeedValues.Disagreement(disagreement, reportId, siteId, position), cited: null);
    }

    private async Task BringAsync(RecordType type, string name, long? id, Dictionary<string, object?> values, Cited? cited)
    {
        if (id is null)
        {
            // A report is published only once it has its sources (PublishRules); other records at once.
            var created = Check(await editor.CreateAsync(batch, type, values, seedUserId, note, publish: type != RecordType.Report, cancellationToken), name);
            await CiteAsync(created.Id, cited, name);
            await PublishAsync(type, created.Id, name);
            return;
        }
        if (await EditedByPersonAsync(type, id.Value, cited?.Column))
        {
            logger.LogWarning("Seed update step {Step} left {Type} {Record} as it is: a person has edited it since the seed wrote it",
                step, type.Name, name);
            return;
        }
        var current = (await RecordEditor.GetAsync(batch, type, id.Value, cancellationToken))!;
        if (Differs(current, values))
        {
            Check(await editor.UpdateAsync(batch, type, id.Value, current.Version, values, seedUserId, note, cancellationToken), name);
        }
        await CiteAsync(id.Value, cited, name);
        await PublishAsync(type, id.Value, name);
    }

    /// <summary>Replaces a record's citations with the seed's: one kept per source (its locator, quote and place
    /// updated), new sources cited, the rest deleted last, so a published report is never left without a source.</summary>
    private async Task CiteAsync(long targetId, Cited? cited, string name)
    {
        if (cited is null)
        {
            return;
        }
        // The column is one of two constants of this class, never input.
        var existing = (await batch.Connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT id FROM citation WHERE {cited.Column} = @targetId AND deleted_at IS NULL ORDER BY position, id",
            new { targetId }, batch.Transaction, cancellationToken: cancellationToken))).ToList();
        var current = new List<EditableRecord>();
        foreach (var citationId in existing)
        {
            current.Add((await RecordEditor.GetAsync(batch, RecordType.Citation, citationId, cancellationToken))!);
        }
        for (var i = 0; i < cited.Citations.Count; i++)
        {
            var sourceId = await RequiredAsync("SELECT id FROM source WHERE reference = @key", cited.Citations[i].Source, name);
            var values = SeedValues.Citation(sourceId, cited.Column, targetId, cited.Citations[i], i);
            var match = current.FirstOrDefault(c => c.Values["source_id"] is long s && s == sourceId);
            if (match is null)
            {
                Check(await editor.CreateAsync(batch, RecordType.Citation, values, seedUserId, note, publish: false, cancellationToken), name);
                continue;
            }
            current.Remove(match);
            if (Differs(match, values))
            {
                Check(await editor.UpdateAsync(batch, RecordType.Citation, match.Id, match.Version, values, seedUserId, note, cancellationToken), name);
            }
        }
        foreach (var surplus in current)
        {
            Check(await editor.SetDeletedAsync(batch, RecordType.Citation, surplus.Id, surplus.Version, true, seedUserId, note, cancellationToken), name);
        }
    }

    private async Task PublishAsync(RecordType type, long id, string name)
    {
        if (type.HasPublication && await RecordEditor.GetAsync(batch, type, id, cancellationToken) is { Publication: not "published" } record)
        {
            Check(await editor.SetPublishedAsync(batch, type, id, record.Version, true, seedUserId, note, cancellationToken), name);
        }
    }

    /// <summary>Whether the latest revision of the record, or of any citation of it, is by someone other than the seed.</summary>
    private async Task<bool> EditedByPersonAsync(RecordType type, long id, string? citedColumn)
    {
        var citations = citedColumn is null ? "" : $"OR (entity_type = 'citation' AND entity_id IN (SELECT id FROM citation WHERE {citedColumn} = @id))";
        var userId = await batch.Connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition($"""
            SELECT user_id FROM revision
            WHERE (entity_type = @type AND entity_id = @id) {citations}
            ORDER BY id DESC LIMIT 1
            """, new { type = type.Name, id }, batch.Transaction, cancellationToken: cancellationToken));
        return userId is { } user && user != seedUserId;
    }

    private static bool Differs(EditableRecord current, IReadOnlyDictionary<string, object?> values) =>
        values.Any(v => Snapshot.Text(current.Values.GetValueOrDefault(v.Key)) != Snapshot.Text(v.Value));

    private SaveResult Check(SaveResult result, string name) => result.Status == SaveStatus.Saved ? result
        : throw new InvalidDataException($"Seed update step {step} could not write {name}: {result.Message ?? result.Status.ToString()}");

    private Task<long?> IdAsync(string sql, string key) =>
        batch.Connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(sql, new { key }, batch.Transaction, cancellationToken: cancellationToken));

    private async Task<long> RequiredAsync(string sql, string key, string wantedBy) =>
        await IdAsync(sql, key) ?? throw new InvalidDataException($"Seed update step {step}: {wantedBy} needs {key}, which the database does not hold.");
}
