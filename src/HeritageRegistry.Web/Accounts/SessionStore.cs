using System.Security.Cryptography;
using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Accounts;

/// <summary>
/// The server's record of signed-in sessions. A cookie is honoured only while its session row
/// exists and has not expired, so signing out ends that session everywhere the cookie was copied,
/// while the account's other sessions go on.
/// </summary>
public sealed class SessionStore(Database database, TimeProvider time)
{
    /// <summary>Starts a session lasting <paramref name="lifetime"/> and returns its id; expired sessions are cleared on the way.</summary>
    public async Task<string> StartAsync(long userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM user_session WHERE expires_at <= @now;
            INSERT INTO user_session (id, user_id, created_at, expires_at) VALUES (@id, @userId, @now, @expiresAt);
            """, new { id, userId, now = Clock.ToText(now), expiresAt = Clock.ToText(now + lifetime) }, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>The user of a live session; null when the session was ended or has expired.</summary>
    public async Task<AppUser?> FindUserAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition($"""
            SELECT {UserStore.Columns} FROM app_user
            WHERE id = (SELECT user_id FROM user_session WHERE id = @sessionId AND expires_at > @now)
            """, new { sessionId, now = Clock.ToText(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    /// <summary>Follows the cookie when its sliding expiry renews it.</summary>
    public async Task ExtendAsync(string sessionId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE user_session SET expires_at = @expiresAt WHERE id = @sessionId",
            new { sessionId, expiresAt = Clock.ToText(time.GetUtcNow() + lifetime) }, cancellationToken: cancellationToken));
    }

    public async Task EndAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_session WHERE id = @sessionId", new { sessionId }, cancellationToken: cancellationToken));
    }
}
