using System.Security.Claims;
using HeritageRegistry.Accounts;

namespace HeritageRegistry.Review;

/// <summary>What decides who may publish a record: whether it concerns a sensitive place, and who wrote what would be published
/// (the last person who changed it, and whoever submitted it).</summary>
public sealed record ReviewSubject(bool IsSensitive, IReadOnlySet<long> Authors)
{
    public ReviewSubject WithAuthor(long? userId) => userId is { } id ? this with { Authors = new HashSet<long>(Authors) { id } } : this;
}

/// <summary>
/// The one rule of publication, used by every path that makes something public (publishing a draft, saving a published
/// record, approving a submission, restoring a version, the upload's "publish at once"): only editors publish, and a record
/// of a sensitive place needs an editor other than its author. So an editor's own change of an ordinary record is published
/// at once, while anything a curator writes, and an editor's own work on a sensitive place, waits for another editor.
/// </summary>
public static class PublishRight
{
    public const string NotAnEditor = "Only an editor can publish. Submit it for review: an editor will publish it or send it back.";

    public const string SensitiveNeedsAnotherEditor =
        "This record concerns a sensitive place, so an editor other than its author must approve it. Submit it for review by another editor.";

    /// <summary>Why <paramref name="user"/> may not publish the subject, or null when they may.</summary>
    public static string? Refusal(ClaimsPrincipal user, ReviewSubject subject) =>
        !user.IsEditor() ? NotAnEditor
        : subject.IsSensitive && user.UserId() is { } id && subject.Authors.Contains(id) ? SensitiveNeedsAnotherEditor
        : null;
}
