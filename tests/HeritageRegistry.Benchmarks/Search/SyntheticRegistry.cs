using System.Diagnostics;
using System.Globalization;
using System.Text;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Migrations;
using HeritageRegistry.Vocabulary;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeritageRegistry.Benchmarks.Search;

/// <summary>
/// A large made-up registry for measuring search: places in a two-level hierarchy, damage reports,
/// sources and one citation per report, all published, written with prepared statements in one
/// transaction, then indexed by the app's own index builder. Deterministic (fixed seed), so runs compare.
/// Text mixes a Zipf-like vocabulary with planted words: <see cref="CommonWord"/> in a fifth of
/// reports' titles, <see cref="FrequentWord"/> in one in fifty, <see cref="RareWord"/> in about 50 descriptions.
/// </summary>
public sealed class SyntheticRegistry(int places, int reports, int sources)
{
    public const string CommonWord = "temple";
    public const string RareWord = "zenobia";
    public const string FrequentWord = "colonnade";

    private static readonly string[] Syllables = ["ba", "al", "tad", "mor", "nab", "bel", "sha", "min", "ka", "ru", "zi", "lat", "hal", "dur", "ya", "qa", "sur", "ma", "ni", "ot"];
    private static readonly string[] ArabicSyllables = ["تد", "مر", "بل", "شا", "من", "قل", "عة", "نب", "و", "لا", "ت", "قو", "س"];
    private readonly Random _random = new(42);
    private readonly string[] _words = MakeWords(4000);

    public static async Task<string> CreateAsync(string folder, int places, int reports, int sources)
    {
        var timer = Stopwatch.StartNew();
        var options = new RegistryOptions { DataDirectory = folder, Seed = false };
        var database = new Database(Options.Create(options));
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(database.Dialect.Provider), CancellationToken.None);
        await using (var connection = await database.OpenAsync())
        {
            await new SyntheticRegistry(places, reports, sources).WriteAsync((SqliteConnection)connection);
        }
        var written = timer.Elapsed;
        await SearchIndex.RebuildIfStaleAsync(database, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Synthetic registry: {places:N0} places, {reports:N0} reports, {sources:N0} sources written in {written.TotalSeconds:0.0} s, indexed in {(timer.Elapsed - written).TotalSeconds:0.0} s ({new FileInfo(options.DatabasePath).Length / 1048576.0:0} MB)"));
        return folder;
    }

    private async Task WriteAsync(SqliteConnection connection)
    {
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = connection.BeginTransaction();
        const string now = "2026-01-01T00:00:00Z";
        await InsertAsync(connection, transaction, sources, """
            INSERT INTO source (id, reference, kind, title, publisher, published_date, published_earliest, published_latest, url, language, publication, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6, $6, $7, 'en', 'published', $8, $8)
            """, i => [i, $"S{i}", Pick(Vocab.SourceKinds), Sentence(6), Sentence(2), Day(), $"https://example.org/sources/{i}", now]);
        var regions = Math.Max(1, places / 100);
        await InsertAsync(connection, transaction, places, """
            INSERT INTO site (id, slug, parent_id, kind, name_en, name_ar, summary, latitude, longitude, publication, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'published', $10, $10)
            """, i => [i, $"place-{i}", i <= regions ? null : _random.Next(1, regions + 1), Pick(Vocab.SiteKinds), $"{Capital(Word())} {Capital(Word())} {i}",
                ArabicName(), Sentence(10), 32 + (_random.NextDouble() * 5), 36 + (_random.NextDouble() * 6), now]);
        await InsertAsync(connection, transaction, reports, """
            INSERT INTO damage_report (id, reference, site_id, kind, title, event_date, event_earliest, event_latest, cause, effect, severity,
                                       extent, certainty, verification, method, description, publication, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'published', $16, $16)
            """, i =>
            {
                var day = Day();
                var latest = _random.Next(4) == 0 ? DateOnly.Parse(day, CultureInfo.InvariantCulture).AddDays(_random.Next(1, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;
                return [i, $"SYN-{i:0000000}", _random.Next(1, places + 1), _random.Next(10) == 0 ? "event" : "damage", Sentence(7) + Plant(CommonWord, 5) + Plant(FrequentWord, 50), day, latest,
                    Pick(Vocab.Causes), Pick(Vocab.Effects), Pick(Vocab.Severities), Pick(Vocab.Extents), Pick(Vocab.Certainties),
                    Pick(Vocab.Verifications), Pick(Vocab.Methods), Sentence(40) + Plant(RareWord, 20_000), now];
            });
        await InsertAsync(connection, transaction, reports, """
            INSERT INTO citation (source_id, report_id, position, created_at, updated_at) VALUES ($1, $2, 0, $3, $3)
            """, i => [_random.Next(1, sources + 1), i, now]);
        await transaction.CommitAsync();
    }

    /// <summary>One prepared statement run <paramref name="count"/> times with fresh values: the fast way to fill SQLite.</summary>
    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, int count, string sql, Func<int, object?[]> values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var first = values(1);
        var parameters = Enumerable.Range(1, first.Length).Select(n => command.Parameters.Add(new SqliteParameter($"${n}", null))).ToArray();
        command.Prepare();
        for (var i = 1; i <= count; i++)
        {
            var row = i == 1 ? first : values(i);
            for (var p = 0; p < row.Length; p++)
            {
                parameters[p].Value = row[p] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync();
        }
    }

    private string Pick(TermList list) => list[_random.Next(list.Count)].Code;

    private string Day() => new DateOnly(2011, 1, 1).AddDays(_random.Next(365 * 14)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Sentence(int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(Word());
        }
        return text.ToString();
    }

    /// <summary>" word" one time in <paramref name="odds"/>, else nothing.</summary>
    private string Plant(string word, int odds) => _random.Next(odds) == 0 ? " " + word : "";

    // Zipf-like: the n-th word is about n times rarer than the first.
    private string Word() => _words[(int)Math.Min(_words.Length - 1, Math.Floor(Math.Exp(_random.NextDouble() * Math.Log(_words.Length)) - 1))];

    private string ArabicName() => string.Concat(Enumerable.Range(0, 3).Select(_ => ArabicSyllables[_random.Next(ArabicSyllables.Length)]));

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string[] MakeWords(int count)
    {
        var random = new Random(7);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (word is not (CommonWord or RareWord))
            {
                words.Add(word);
            }
        }
        return [.. words];
    }
}
