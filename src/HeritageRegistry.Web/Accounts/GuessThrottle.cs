using System.Globalization;
using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Accounts;

/// <summary>
/// Growing waits between wrong passwords, counted per source (a client's address, or the
/// password-change form) and login. The first <see cref="FreeFailures"/> failures cost nothing;
/// after the n-th the source waits 2^n seconds (32 s, 64 s, …, at most an hour) before its next
/// guess is checked. Only that source waits: the owner signing in from elsewhere is never held
/// back. A source's failures are forgotten a day after its last one, or at its next success.
/// Counts live in the database, so a restart forgives nobody.
/// </summary>
public sealed class GuessThrottle(Database database, TimeProvider time)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    private static TimeSpan WaitAfter(long failures) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures), LongestWait.TotalSeconds));

    /// <summary>
    /// Counts a guess before it is checked, so guesses sent in parallel cannot all slip in before the
    /// first failure is written; a right password is forgiven afterwards with <see cref="ForgetAsync"/>.
    /// Returns how long the source must still wait, or zero when this guess may be checked now.
    /// </summary>
    public async Task<TimeSpan> CountGuessAsync(string source, string login, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { source, login, now = Clock.ToText(now), forgetBefore = Clock.ToText(now - Memory) };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM password_guess WHERE last_failed_at < @forgetBefore", parameters, transaction, cancellationToken: cancellationToken));
        // No row comes back while the source is held back: a guess during its wait is not counted.
        var failures = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            INSERT INTO password_guess (source, login, failures, last_failed_at) VALUES (@source, lower(@login), 1, @now)
            ON CONFLICT (source, login) DO UPDATE SET failures = password_guess.failures + 1, last_failed_at = @now
            WHERE password_guess.retry_at IS NULL OR password_guess.retry_at <= @now
            RETURNING failures
            """, parameters, transaction, cancellationToken: cancellationToken));
        var wait = TimeSpan.Zero;
        if (failures is null)
        {
            var retryAt = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT retry_at FROM password_guess WHERE source = @source AND login = lower(@login)",
                parameters, transaction, cancellationToken: cancellationToken));
            wait = Parse(retryAt!) - now;
        }
        else if (failures >= FreeFailures)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE password_guess SET retry_at = @retryAt WHERE source = @source AND login = lower(@login)",
                new { source, login, retryAt = Clock.ToText(now + WaitAfter(failures.Value)) }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return wait;
    }

    /// <summary>Clears the source's count at a right password.</summary>
    public async Task ForgetAsync(string source, string login, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM password_guess WHERE source = @source AND login = lower(@login)",
            new { source, login }, cancellationToken: cancellationToken));
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
