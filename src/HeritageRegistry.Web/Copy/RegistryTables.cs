namespace HeritageRegistry.Copy;

/// <summary>
/// The registry's tables as copy-data moves them: those it copies row for row, in an order that puts every row
/// after the rows it refers to, and those it leaves to the target's own code. A table a later migration adds must
/// be named here, or copy-data refuses to run rather than leave it behind.
/// </summary>
public static class RegistryTables
{
    public static readonly IReadOnlyList<string> Copied =
    [
        "app_user", "site", "site_name", "source", "damage_report", "photo", "citation", "revision",
        "disagreement", "disagreement_version", "disagreement_source", "user_session", "password_guess", "seed_step",
        "spreadsheet_import", "spreadsheet_import_record", "review",
    ];

    /// <summary>Written on the target by its own code: the migration journal by the PostgreSQL migrations (it names
    /// that provider's files), the search index and its state by the rebuild from the copied records, and the
    /// data-protection keys by the first node (a SQLite registry keeps its keys in files: curators sign in again).</summary>
    public static readonly IReadOnlyList<string> Rebuilt = ["schema_migration", "search_index", "search_word", "search_index_state", "data_protection_key"];

    /// <summary>The one row the PostgreSQL migrations write into a copied table (migration 0009's seed author); the
    /// source has its own, with the id its revisions name, so the target's is replaced by it.</summary>
    public const string MigrationsOwnUser = "registry-seed";
}
