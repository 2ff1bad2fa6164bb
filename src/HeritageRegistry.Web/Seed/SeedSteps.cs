using System.Data;
using Dapper;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;

namespace HeritageRegistry.Seed;

/// <summary>
/// Brings a database seeded from an older state of the Palmyra record up to date. Each update step
/// (Seed/Palmyra/updates/NNNN-name.json) not yet in the journal (seed_step) is applied once, in name order, in
/// one transaction with its journal row: the records it lists are brought to their state in the current seed
/// files through <see cref="RecordEditor"/>, so each change is a revision by "registry seed" with the step's
/// note, and is announced like any edit. Runs at start-up, after the migrations and the first seed.
/// </summary>
public sealed class SeedSteps(Database database, RecordEditor editor, SeedFiles files, ReportReferences references, ILogger<SeedSteps> logger)
{
    public async Task<int> ApplyPendingAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> pending;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // A database that never received the seed (one generated for benchmarks, say) has nothing to correct.
            var seeded = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                SELECT EXISTS (SELECT 1 FROM revision WHERE user_id = (SELECT id FROM app_user WHERE login = @Login))
                """, new { SeedUser.Login }, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM seed_step", cancellationToken: cancellationToken)))
                .ToHashSet(StringComparer.Ordinal);
            pending = seeded ? [.. files.StepNames.Where(name => !applied.Contains(name))] : [];
        }
        if (pending.Count == 0)
        {
            return 0;
        }
        var record = new SeedRecord(files);
        foreach (var name in pending)
        {
            await ApplyAsync(name, files.Step(name), record, cancellationToken);
        }
        return pending.Count;
    }

    /// <summary>Journals steps as applied; the first seed does so for every step, its record being current already.</summary>
    public static Task MarkAppliedAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<string> names, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO seed_step (name, applied_at) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING",
            names.Select(name => new { name, now = Clock.NowText() }), transaction, cancellationToken: cancellationToken));

    private async Task ApplyAsync(string name, SeedStep step, SeedRecord record, CancellationToken cancellationToken)
    {
        await using var batch = await editor.BeginBatchAsync(cancellationToken);
        var seedUserId = await SeedUser.IdAsync(batch.Connection, batch.Transaction, cancellationToken);
        var writer = new SeedStepWriter(editor, batch, references, seedUserId, name, step.Note, logger, cancellationToken);
        foreach (var source in record.Select(record.Sources, step.Sources, s => s.Ref, name))
        {
            await writer.SourceAsync(source);
        }
        foreach (var site in record.Select(record.Sites, step.Sites, s => s.Slug, name))
        {
            await writer.SiteAsync(site);
        }
        foreach (var report in record.Select(record.Reports, step.Reports, r => r.Ref, name))
        {
            await writer.ReportAsync(report);
        }
        var keys = (step.Disagreements ?? []).Select(d => $"{d.Site}|{d.Topic}").ToList();
        foreach (var disagreement in record.Select(record.Disagreements, keys, d => $"{d.Site}|{d.Topic}", name))
        {
            await writer.DisagreementAsync(disagreement, record.Disagreements.IndexOf(disagreement));
        }
        await MarkAppliedAsync(batch.Connection, batch.Transaction, [name], cancellationToken);
        await editor.CommitAsync(batch, cancellationToken);
        logger.LogInformation("Applied seed update step {Step}", name);
    }

    /// <summary>The current seed files, read once for all pending steps.</summary>
    private sealed class SeedRecord(SeedFiles files)
    {
        public IReadOnlyList<SeedSource> Sources { get; } = files.Sources;
        public IReadOnlyList<SeedSite> Sites { get; } = files.Sites;
        public IReadOnlyList<SeedReport> Reports { get; } = files.Reports;
        public List<SeedDisagreement> Disagreements { get; } = [.. files.Disagreements];

        /// <summary>The listed records in seed file order (a parent place before its parts); a name the files
        /// do not hold stops the step, as a mistake in the step.</summary>
        public List<T> Select<T>(IEnumerable<T> all, IReadOnlyList<string>? listed, Func<T, string> key, string step)
        {
            var wanted = (listed ?? []).ToHashSet(StringComparer.Ordinal);
            var found = all.Where(item => wanted.Contains(key(item))).ToList();
            if (wanted.Except(found.Select(key)).FirstOrDefault() is { } missing)
            {
                throw new InvalidDataException($"Seed update step {step} lists {missing}, which the seed files do not hold.");
            }
            return found;
        }
    }
}
