namespace HeritageRegistry.Pickers;

/// <summary>The record types a form can pick by typing: reports, places and sources.</summary>
public enum PickerKind
{
    Report,
    Place,
    Source,
}

/// <summary>
/// How one record type is picked: the column that names a record uniquely (a reference or a slug), its title
/// columns, and the words shown around the field. Table and column names are constants, never input.
/// </summary>
public sealed record Picker(PickerKind Kind, string Name, string Table, string Key, bool UpperCaseKey, string Title, string? TitleAr,
    string Hint, string NoneMessage, string SeveralMessage)
{
    public static readonly Picker Report = new(PickerKind.Report, "reports", "damage_report", "reference", UpperCaseKey: true, "title", "title_ar",
        "Type a reference (PAL-2015-0010) or words of the title.",
        "No report has that reference or title.",
        "Several reports match: {0}. Type the reference of the one you mean.");

    public static readonly Picker Place = new(PickerKind.Place, "places", "site", "slug", UpperCaseKey: false, "name_en", "name_ar",
        "Type the place's address name (temple-of-bel) or words of its name.",
        "No place has that address name or name.",
        "Several places match: {0}. Type the address name of the one you mean.");

    public static readonly Picker Source = new(PickerKind.Source, "sources", "source", "reference", UpperCaseKey: true, "title", TitleAr: null,
        "Type a reference (S01) or words of the title.",
        "No source has that reference or title.",
        "Several sources match: {0}. Type the reference of the one you mean.");

    public static IReadOnlyList<Picker> All { get; } = [Report, Place, Source];

    public static Picker Of(PickerKind kind) => All.Single(picker => picker.Kind == kind);

    /// <summary>What a chosen record reads as in the field, and the text the server resolves back to it.</summary>
    public static string Text(string key, string title) => $"{key} {Separator} {title}";

    /// <summary>Between a record's key and its title in <see cref="Text"/>.</summary>
    public const string Separator = "—";
}
