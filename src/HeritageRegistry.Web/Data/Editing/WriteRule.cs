using System.Data;

namespace HeritageRegistry.Data.Editing;

/// <summary>Why a write was refused, naming the column at fault (if one is) so a form can show it by that field.</summary>
public sealed record Refusal(string? Column, string Message);

/// <summary>
/// A rule a record's values must keep whoever writes them (a form, an upload, a restored revision).
/// The editor runs it inside the write's transaction, with the write itself, not in a form beforehand.
/// </summary>
public delegate Task<Refusal?> WriteRule(IDbConnection connection, IDbTransaction? transaction, IReadOnlyDictionary<string, object?> values,
    CancellationToken cancellationToken);
