using Dapper;
using HeritageRegistry.Data;

namespace HeritageRegistry.Accounts;

public sealed record AppUser
{
    public long Id { get; init; }
    public string Login { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Role { get; init; } = "";
    public bool IsDisabled { get; init; }
    public string SecurityStamp { get; init; } = "";
}

/// <summary>One row of the admins' user list; <see cref="ThrottledUntil"/> is set while some source's guesses at the password are held back.</summary>
public sealed record UserSummary
{
    public long Id { get; init; }
    public string Login { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public bool IsDisabled { get; init; }
    public string? ThrottledUntil { get; init; }
}

/// <summary>Users, their roles and security stamps. Logins compare case-insensitively.</summary>
public sealed class UserStore(Database database)
{
    internal const string Columns = "id, login, display_name, password_hash, role, is_disabled, security_stamp";

    // True for every row but the one enabled admin left: the registry must never lock itself out.
    private const string NotTheLastEnabledAdmin = """
        (role <> 'admin' OR is_disabled = 1
         OR EXISTS (SELECT 1 FROM app_user AS other WHERE other.role = 'admin' AND other.is_disabled = 0 AND other.id <> app_user.id))
        """;

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<UserSummary>(new CommandDefinition("""
            SELECT id, login, display_name, role, is_disabled,
                   (SELECT max(retry_at) FROM password_guess
                    WHERE password_guess.login = lower(app_user.login) AND retry_at > @now) AS throttled_until
            FROM app_user
            ORDER BY lower(login)
            """, new { now = Clock.NowText() }, cancellationToken: cancellationToken));
        return users.AsList();
    }

    public async Task<AppUser?> FindByLoginAsync(string login, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            $"SELECT {Columns} FROM app_user WHERE lower(login) = lower(@login)", new { login }, cancellationToken: cancellationToken));
    }

    public async Task<AppUser?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            $"SELECT {Columns} FROM app_user WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Adds a user; false when the login is taken.</summary>
    public async Task<bool> AddAsync(string login, string displayName, string role, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = Clock.NowText();
        var added = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO app_user (login, display_name, password_hash, role, security_stamp, created_at, updated_at)
            SELECT @login, @displayName, @passwordHash, @role, @stamp, @now, @now
            WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE lower(login) = lower(@login))
            """, new { login, displayName, passwordHash, role, stamp = NewStamp(), now },
            cancellationToken: cancellationToken));
        return added == 1;
    }

    /// <summary>
    /// Disabling changes the security stamp too, so every session of that user stops working.
    /// False when it would disable the last enabled admin (or there is no such user).
    /// </summary>
    public async Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE app_user SET is_disabled = @disabled, security_stamp = @stamp, updated_at = @now
            WHERE id = @id AND (@disabled = 0 OR {NotTheLastEnabledAdmin})
            """, new { id, disabled = disabled ? 1L : 0L, stamp = NewStamp(), now = Clock.NowText() }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>
    /// A new role changes the security stamp, so sessions signed in under the old role end.
    /// False when it would demote the last enabled admin (or there is no such user).
    /// </summary>
    public async Task<bool> SetRoleAsync(long id, string role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE app_user SET role = @role, security_stamp = @stamp, updated_at = @now
            WHERE id = @id AND (@role = 'admin' OR {NotTheLastEnabledAdmin})
            """, new { id, role, stamp = NewStamp(), now = Clock.NowText() }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Stores a new password hash and security stamp, ending every session; returns the user as now stored.</summary>
    public async Task<AppUser?> SetPasswordAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition($"""
            UPDATE app_user SET password_hash = @passwordHash, security_stamp = @stamp, updated_at = @now
            WHERE id = @id
            RETURNING {Columns}
            """, new { id, passwordHash, stamp = NewStamp(), now = Clock.NowText() }, cancellationToken: cancellationToken));
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
