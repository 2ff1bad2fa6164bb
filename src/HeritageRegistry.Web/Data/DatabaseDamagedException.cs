namespace HeritageRegistry.Data;

/// <summary>The database file cannot be trusted (not a SQLite file, or pages that fail SQLite's own check),
/// so the app stops at start instead of answering every request with an error.</summary>
public sealed class DatabaseDamagedException(string path, string reason)
    : Exception($"the database {path} is damaged or is not a SQLite database ({reason}); " +
        "restore it from a backup, or move it aside to start an empty registry.");
