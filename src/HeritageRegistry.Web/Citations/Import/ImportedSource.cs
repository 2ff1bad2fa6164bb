namespace HeritageRegistry.Citations.Import;

/// <summary>
/// One entry as a reader found it in an import file: the source fields it gives, in the registry's
/// own terms, and anything that stopped it being read cleanly. <see cref="Kind"/> is null when the
/// file does not say what kind of source it is.
/// </summary>
public sealed class ImportedSource(int number, string label)
{
    /// <summary>Position in the file, from 1, so a curator can find the entry.</summary>
    public int Number { get; } = number;

    /// <summary>The entry's own name: a BibTeX key, a RIS ID, a CSL id, or its title.</summary>
    public string Label { get; set; } = label;

    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Authors { get; set; }
    public string? Publisher { get; set; }
    public string? PublishedDate { get; set; }
    public string? Url { get; set; }
    public string? Doi { get; set; }
    public string? AccessedDate { get; set; }
    public string? Language { get; set; }
    public string? Notes { get; set; }

    public List<string> Problems { get; } = [];
}

/// <summary>What a reader made of a whole file: its entries, and problems that belong to no entry
/// (text between entries that is not a comment, JSON that does not parse).</summary>
public sealed record ImportFile(IReadOnlyList<ImportedSource> Entries, IReadOnlyList<string> Problems)
{
    public static ImportFile Unreadable(string problem) => new([], [problem]);
}
