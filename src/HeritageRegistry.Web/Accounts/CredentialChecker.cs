using HeritageRegistry.Data;
using Microsoft.AspNetCore.Identity;

namespace HeritageRegistry.Accounts;

/// <summary>
/// Checks a login and password, counting failures: five wrong passwords lock the account
/// for fifteen minutes. Callers get the user only on success and must answer every
/// failure with the same words, so nobody learns which logins exist.
/// </summary>
public sealed class CredentialChecker(UserStore users, IPasswordHasher<AppUser> hasher, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    // Verified when the login is unknown, so a wrong login costs as long as a wrong password.
    private static readonly string DecoyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    public async Task<AppUser?> CheckAsync(string login, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByLoginAsync(login, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser(), DecoyHash, password);
            return null;
        }
        var now = time.GetUtcNow();
        if (user.LockedUntil is not null && string.CompareOrdinal(user.LockedUntil, Clock.ToText(now)) > 0)
        {
            return null;
        }
        if (user.LockedUntil is not null)
        {
            // The lock has run out: the next five tries start from zero.
            await users.RecordSuccessAsync(user.Id, cancellationToken);
            user = user with { FailedLogins = 0, LockedUntil = null };
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || user.IsDisabled)
        {
            await users.RecordFailureAsync(user.Id, MaxFailures, Clock.ToText(now + LockDuration), cancellationToken);
            return null;
        }
        await users.RecordSuccessAsync(user.Id, cancellationToken);
        return user;
    }
}
