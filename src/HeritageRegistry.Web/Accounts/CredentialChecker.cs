using Microsoft.AspNetCore.Identity;

namespace HeritageRegistry.Accounts;

/// <summary>The user when the password matched; otherwise null, and how long the source must wait when it was held back.</summary>
public sealed record CredentialCheck(AppUser? User, TimeSpan RetryAfter)
{
    public bool IsThrottled => RetryAfter > TimeSpan.Zero;

    /// <summary>Whole seconds, rounded up, for the Retry-After header and the message.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);

    public string WaitMessage => $"Too many failed tries. Try again in {RetryAfterSeconds} seconds.";
}

/// <summary>
/// Checks a login and password under the <see cref="GuessThrottle"/>. Every check verifies exactly
/// one password hash, whether the login exists, is disabled, or its source is held back, and a
/// wrong guess at an unknown login counts like one at a real login, so neither the answer nor its
/// time tells which logins exist. Callers must answer every failure with the same words.
/// </summary>
public sealed class CredentialChecker(UserStore users, GuessThrottle throttle, IPasswordHasher<AppUser> hasher)
{
    // Verified when the login is unknown, so a wrong login costs as long as a wrong password.
    private static readonly AppUser Nobody = new();
    private static readonly string DecoyHash = new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString());

    public async Task<CredentialCheck> CheckAsync(string source, string login, string password, CancellationToken cancellationToken)
    {
        var wait = await throttle.CountGuessAsync(source, login, cancellationToken);
        var user = await users.FindByLoginAsync(login, cancellationToken);
        var matches = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? DecoyHash, password) != PasswordVerificationResult.Failed;
        if (wait > TimeSpan.Zero)
        {
            // Not even a right password gets through: the answer would tell the guesser it was right.
            return new CredentialCheck(null, wait);
        }
        if (user is null || !matches || user.IsDisabled)
        {
            return new CredentialCheck(null, TimeSpan.Zero);
        }
        await throttle.ForgetAsync(source, login, cancellationToken);
        return new CredentialCheck(user, TimeSpan.Zero);
    }
}
