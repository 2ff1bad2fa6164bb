using System.Text.RegularExpressions;
using HeritageRegistry.Data;

namespace HeritageRegistry.Citations;

/// <summary>One way of writing sources down for a researcher's reference manager.</summary>
public sealed record BibliographyFormat(string Extension, string Name, string ContentType, Func<IReadOnlyList<SourceDetail>, string> Write)
{
    public static readonly BibliographyFormat CslJson = new("json", "CSL-JSON", "application/vnd.citationstyles.csl+json", Citations.CslJson.Write);
    public static readonly BibliographyFormat BibTex = new("bib", "BibLaTeX", "application/x-bibtex", Citations.BibTex.Write);
    public static readonly BibliographyFormat Ris = new("ris", "RIS", "application/x-research-info-systems", Citations.Ris.Write);

    public static IReadOnlyList<BibliographyFormat> All { get; } = [CslJson, BibTex, Ris];

    public static BibliographyFormat? Find(string extension) => All.FirstOrDefault(f => f.Extension == extension);

    /// <summary>The sources as a download named <paramref name="name"/> with this format's extension.</summary>
    public IResult File(string name, IReadOnlyList<SourceDetail> sources) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(Write(sources)), $"{ContentType}; charset=utf-8", $"{name}.{Extension}");
}

/// <summary>Pieces of a source every format needs: people's names and the parts of an EDTF date.</summary>
public static partial class SourceParts
{
    /// <summary>
    /// The names in a source's authors field as (family, given) pairs; an organisation (a corporate author)
    /// has no given name and is written whole, braced in BibLaTeX, a literal in CSL-JSON.
    /// <para>
    /// The registry keeps people as "Family, Given" and an organisation's name as it is, separated by
    /// semicolons ("Danti, M.D.; UNITAR-UNOSAT"), which is what the importers write. Older records also
    /// hold people in natural order ("Irina Bokova", or "Michael Danti, Allison Cuneo" as one list). So a
    /// name without "Family, Given" counts as a person only when it looks like a personal name: two to four
    /// capitalised words, none an acronym or a word organisations use (<see cref="OrganisationWords"/>).
    /// Anything else is kept whole as an organisation, because splitting an organisation invents a person
    /// ("Museums, Directorate-General of Antiquities and"), while keeping a person whole still cites them.
    /// </para>
    /// </summary>
    public static IReadOnlyList<(string Family, string? Given)> Authors(string? authors) =>
        string.IsNullOrWhiteSpace(authors) ? []
        : authors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(Names).ToList();

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Agency", "Archive", "Archives", "Association", "Authority", "Board", "Bureau", "Center", "Centre", "Commission",
        "Committee", "Company", "Council", "Department", "Directorate", "Foundation", "Fund", "Group", "Heritage",
        "Initiative", "Initiatives", "Institute", "Library", "Magazine", "Media", "Ministry", "Museum", "Museums", "Network",
        "News", "Observatory", "Office", "Organisation", "Organization", "Press", "Programme", "Project", "Service",
        "Society", "Staff", "Team", "Times", "Trust", "UNESCO", "Union", "University",
    };

    private static IEnumerable<(string Family, string? Given)> Names(string entry)
    {
        var parts = entry.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && parts.All(IsPersonalName))
        {
            return parts.Select(Natural); // "Michael Danti, Allison Cuneo": a list of people in natural order
        }
        if (parts.Length > 1)
        {
            return [(parts[0], string.Join(", ", parts[1..]))];
        }
        return [IsPersonalName(entry) ? Natural(entry) : (entry, null)];
    }

    // "Michael D. Danti" is family "Danti", given "Michael D.", as BibLaTeX itself reads a name in natural order.
    private static (string Family, string? Given) Natural(string name) =>
        (name[(name.LastIndexOf(' ') + 1)..], name[..name.LastIndexOf(' ')]);

    private static bool IsPersonalName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && words.All(w => PersonalWord().IsMatch(w) && !OrganisationWords.Contains(w));
    }

    // A capitalised word (O'Neill, Newkey-Burden) or an initial (D.): not an acronym such as ASOR or a lower-case "of".
    [GeneratedRegex(@"^(\p{Lu}\p{Ll}[\p{L}'’-]*|\p{Lu}\.)$")]
    private static partial Regex PersonalWord();

    /// <summary>The year of a date that lies within one year and is not marked uncertain, for fields such as BibLaTeX's year.</summary>
    public static int? Year(string? edtf) =>
        Dates.EdtfDate.TryParse(edtf ?? "", out var date, out _) && !date.IsUncertain && date.Earliest.Year == date.Latest.Year ? date.Earliest.Year : null;

    /// <summary>The year, month and day given in each end of an EDTF date (an interval has two).</summary>
    public static IReadOnlyList<int[]> DateParts(string? edtf) =>
        edtf is null ? [] : DatePart().Matches(edtf).Select(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success)
            .Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();

    public static bool IsApproximate(string? edtf) => edtf is not null && (edtf.Contains('~', StringComparison.Ordinal) || edtf.Contains('%', StringComparison.Ordinal));

    [GeneratedRegex(@"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")]
    private static partial Regex DatePart();
}
