using System.Data;

namespace HeritageRegistry.Data.Editing;

/// <summary>
/// Rows that belong to one record and are edited with it, such as a disagreement's versions and their
/// sources. The editor carries them in the record's values as one text <see cref="Field"/>, so the
/// version check, revisions, field diffs and restores treat them like any other column.
/// </summary>
/// <param name="Field">The name the rows go by in the values, in revisions and in diffs.</param>
/// <param name="ReadAsync">The rows as that text.</param>
/// <param name="WriteAsync">Replaces the rows with those the text describes; returns why it cannot, or null.</param>
public sealed record ChildRows(
    string Field,
    Func<IDbConnection, IDbTransaction?, long, CancellationToken, Task<string?>> ReadAsync,
    Func<IDbConnection, IDbTransaction, long, string?, CancellationToken, Task<string?>> WriteAsync);
