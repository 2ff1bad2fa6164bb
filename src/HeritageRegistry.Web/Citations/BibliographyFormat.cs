using System.Text.RegularExpressions;
using HeritageRegistry.Data;

namespace HeritageRegistry.Citations;

/// <summary>One way of writing sources down for a researcher's reference manager.</summary>
public sealed record BibliographyFormat(string Extension, string ContentType, Func<IReadOnlyList<SourceDetail>, string> Write)
{
    public static readonly BibliographyFormat CslJson = new("json", "application/vnd.citationstyles.csl+json", Citations.CslJson.Write);
    public static readonly BibliographyFormat BibTex = new("bib", "application/x-bibtex", Citations.BibTex.Write);
    public static readonly BibliographyFormat Ris = new("ris", "application/x-research-info-systems", Citations.Ris.Write);

    public static IReadOnlyList<BibliographyFormat> All { get; } = [CslJson, BibTex, Ris];

    public static BibliographyFormat? Find(string extension) => All.FirstOrDefault(f => f.Extension == extension);
}

/// <summary>Pieces of a source every format needs: people's names and the parts of an EDTF date.</summary>
public static partial class SourceParts
{
    /// <summary>"Danti, M.D.; Ali, C." as (family, given) pairs; a name without a comma is kept whole.</summary>
    public static IReadOnlyList<(string Family, string? Given)> Authors(string? authors) =>
        string.IsNullOrWhiteSpace(authors) ? []
        : authors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Split(',', 2, StringSplitOptions.TrimEntries) is [var family, var given] ? (family, (string?)given) : (name, null))
            .ToList();

    /// <summary>The year, month and day given in each end of an EDTF date (an interval has two).</summary>
    public static IReadOnlyList<int[]> DateParts(string? edtf) =>
        edtf is null ? [] : DatePart().Matches(edtf).Select(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success)
            .Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();

    public static bool IsApproximate(string? edtf) => edtf is not null && (edtf.Contains('~', StringComparison.Ordinal) || edtf.Contains('%', StringComparison.Ordinal));

    [GeneratedRegex(@"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")]
    private static partial Regex DatePart();
}
