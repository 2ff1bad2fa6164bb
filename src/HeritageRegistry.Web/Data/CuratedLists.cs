using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Data;

/// <summary>
/// A state a curated record is in, as the curators' lists filter and show it: its term (code and labels in
/// both languages) and the SQL condition on the list's row <c>x</c> that picks its records. The states do not
/// overlap, so each record is in exactly one (a published record with a change waiting is in review); a new state is one more entry of <see cref="All"/>.
/// </summary>
public sealed record CurationState(Term Term, string Where)
{
    // Waiting for an editor (Review/ReviewStore.cs): a draft submitted, or a change to a published record. @type is the list's record type.
    private const string Pending = "EXISTS (SELECT 1 FROM review rw WHERE rw.entity_type = @type AND rw.entity_id = x.id AND rw.state = 'pending')";

    public static readonly CurationState Draft = new(Vocab.PublicationStates.Find("draft")!, $"x.deleted_at IS NULL AND x.publication = 'draft' AND NOT {Pending}");

    public static readonly CurationState InReview = new(new Term("review", "In review", "قيد المراجعة",
        "Submitted for review: an editor publishes it or sends it back."), $"x.deleted_at IS NULL AND {Pending}");

    public static readonly CurationState Published = new(Vocab.PublicationStates.Find("published")!,
        $"x.deleted_at IS NULL AND x.publication = 'published' AND NOT {Pending}");

    public static readonly CurationState Deleted = new(new Term("deleted", "Deleted", "محذوف",
        "Taken out of the record; kept with its history, and can be restored."), "x.deleted_at IS NOT NULL");

    public static readonly TermList Terms = new("State", All.Select(state => state.Term));

    public static IReadOnlyList<CurationState> All => [Draft, InReview, Published, Deleted];

    /// <summary>What a list shows when no state is chosen: every record but the deleted ones.</summary>
    public const string NotDeleted = "x.deleted_at IS NULL";

    public static CurationState? Find(string? code) => All.FirstOrDefault(state => string.Equals(state.Term.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>SQL giving a row's state code, from the same conditions the filter uses.</summary>
    public static string CodeSql => $"CASE {string.Join(' ', All.Select(state => $"WHEN {state.Where} THEN '{state.Term.Code}'"))} END";

    /// <summary>SQL giving a row's state's position in <see cref="All"/>, to sort by.</summary>
    public static string RankSql => $"CASE {string.Join(' ', All.Select((state, rank) => $"WHEN {state.Where} THEN {rank}"))} END";
}

/// <summary>An order of a curators' list: its URL code, its label and the SQL it sorts by (from code, never input).</summary>
public sealed record ListSort(string Code, string Label, string Sql, bool NewestFirst = false);

/// <summary>
/// One curators' list: the record type's table, the SQL of its key (reference or address name), title, place
/// and searchable text, and the orders it offers. Every identifier put into a list's SQL comes from here.
/// </summary>
public sealed record CuratedList(string Type, string Table, string KeySql, string TitleSql, string SearchSql, string? PlaceColumn, string Joins = "")
{
    // Before the lists: their orders are made when they are, and start with it.
    public static readonly ListSort Changed = new("changed", "Last changed", "x.updated_at", NewestFirst: true);

    /// <summary>Sites have places above them (a parent), reports and photos a place they belong to; sources none.</summary>
    public static readonly CuratedList Reports = new("report", "damage_report", "x.reference", "x.title",
        "concat_ws(' ', x.reference, x.title, x.title_ar)", "site_id");

    public static readonly CuratedList Sites = new("site", "site", "x.slug", "x.name_en",
        "concat_ws(' ', x.slug, x.name_en, x.name_ar)", "parent_id");

    public static readonly CuratedList Sources = new("source", "source", "x.reference", "x.title",
        "concat_ws(' ', x.reference, x.title)", null);

    /// <summary>A photo has no reference of its own; its report's reference stands in its place.</summary>
    public static readonly CuratedList Photos = new("photo", "photo", "r.reference", "COALESCE(x.caption, x.caption_ar)",
        "concat_ws(' ', r.reference, x.caption, x.caption_ar)", "site_id", "LEFT JOIN damage_report r ON r.id = x.report_id");

    public static IReadOnlyList<CuratedList> All => [Reports, Sites, Sources, Photos];

    public static CuratedList? Find(string type) => All.FirstOrDefault(list => list.Type == type);

    /// <summary>The orders this list offers; the first is the default.</summary>
    public IReadOnlyList<ListSort> Sorts { get; } =
    [
        Changed,
        new("title", "Title", $"lower(COALESCE({TitleSql}, ''))"),
        new("reference", "Reference", $"COALESCE({KeySql}, '')"),
        .. PlaceColumn is null ? Array.Empty<ListSort>() : [new ListSort("place", "Place", "COALESCE(p.name_en, '')")],
        new("state", "State", CurationState.RankSql),
    ];

    /// <summary>The FROM clause: the record, its place, and any other table the key needs.</summary>
    public string FromSql { get; } = $"{Table} x {(PlaceColumn is null ? "" : $"LEFT JOIN site p ON p.id = x.{PlaceColumn}")} {Joins}";
}

/// <summary>A curators' list as its URL asks for it, checked: words (null for none), place slug, state (null: every
/// state but deleted), author's login, order and page.</summary>
public sealed record CuratedListQuery(string? Text, string? Site, CurationState? State, string? Author, ListSort Sort, bool Descending,
    int Page, int PageSize);

public sealed record CuratedItem
{
    public long Id { get; init; }
    public string? Key { get; init; }
    public string? Label { get; init; }
    public string? Place { get; init; }
    public string? PlaceAr { get; init; }
    public string State { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public string? ChangedBy { get; init; }
}

/// <summary>One page of a list and how many records match in all.</summary>
public sealed record CuratedPage(IReadOnlyList<CuratedItem> Items, long Total);

/// <summary>A place to filter a list by, and a person who may have created or changed records.</summary>
public sealed record PlaceChoice(string Slug, string NameEn, string? NameAr);

public sealed record AuthorChoice(string Login, string DisplayName);
