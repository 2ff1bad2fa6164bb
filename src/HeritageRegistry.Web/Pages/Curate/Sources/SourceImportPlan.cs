using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Citations;
using HeritageRegistry.Citations.Import;
using HeritageRegistry.Data;

namespace HeritageRegistry.Pages.Curate.Sources;

/// <summary>One entry of an import as the preview shows it: the source it would become and why it would not.</summary>
public sealed record ImportRow(ImportedSource Entry, SourceInput Input, IReadOnlyList<string> Problems, Duplicate? DuplicateOf)
{
    public bool IsReady => Problems.Count == 0 && DuplicateOf is null;
}

/// <summary>What an entry repeats: an existing source, or an earlier entry of the same file.</summary>
public sealed record Duplicate(string? Reference, int? Entry);

/// <summary>
/// What importing a file would do, worked out before anything is written: every entry read, checked by
/// the same rules as the source form, and matched against existing sources (and earlier entries of
/// the same file) by DOI or web address. Sources are created only from a plan with no problems at all.
/// </summary>
public sealed record SourceImportPlan(string Format, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileProblems)
{
    public const int MaxEntries = 2000;

    public bool CanCreate => FileProblems.Count == 0 && Rows.All(r => r.Problems.Count == 0) && Rows.Any(r => r.IsReady);

    public IEnumerable<ImportRow> Ready => Rows.Where(r => r.IsReady);

    public static async Task<SourceImportPlan> MakeAsync(string text, string? format, string defaultKind, CurateStore curate,
        CancellationToken cancellationToken)
    {
        var chosen = format is null or "" or "auto" ? Detect(text) : format;
        var file = chosen switch
        {
            "bibtex" => BibTexReader.Read(text),
            "ris" => RisReader.Read(text),
            "csl-json" => CslJsonReader.Read(text),
            _ => ImportFile.Unreadable("The file is not BibTeX, RIS or CSL-JSON: choose its format, or check it is the right file."),
        };
        var problems = file.Problems.ToList();
        if (problems.Count == 0 && file.Entries.Count == 0)
        {
            problems.Add($"No entries were found in this {Name(chosen)} file.");
        }
        if (file.Entries.Count > MaxEntries)
        {
            problems.Add($"The file has {file.Entries.Count} entries; import at most {MaxEntries} at a time.");
        }
        var known = Identities(await curate.SourceIdentitiesAsync(cancellationToken));
        var rows = new List<ImportRow>();
        foreach (var entry in file.Entries)
        {
            var input = ToInput(entry, defaultKind);
            var entryProblems = entry.Problems.Concat(Check(input)).ToList();
            var keys = Keys(input).ToList();
            var duplicateOf = keys.Select(k => known.GetValueOrDefault(k)).FirstOrDefault(r => r is not null);
            foreach (var key in keys)
            {
                known.TryAdd(key, new Duplicate(null, entry.Number));
            }
            rows.Add(new ImportRow(entry, input, entryProblems, duplicateOf));
        }
        return new SourceImportPlan(Name(chosen), rows, problems);
    }

    /// <summary>The format from the text itself: JSON begins with [ or {, RIS with a TY line, BibTeX has @type{.</summary>
    public static string? Detect(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('[') || start.StartsWith('{') ? "csl-json"
            : System.Text.RegularExpressions.Regex.IsMatch(text, @"(?m)^TY  ?-") ? "ris"
            : System.Text.RegularExpressions.Regex.IsMatch(text, @"@\s*[A-Za-z]+\s*[{(]") ? "bibtex"
            : null;
    }

    private static string Name(string? format) => format switch
    {
        "bibtex" => "BibTeX",
        "ris" => "RIS",
        "csl-json" => "CSL-JSON",
        _ => "unrecognised",
    };

    private static SourceInput ToInput(ImportedSource entry, string defaultKind) => new()
    {
        Kind = entry.Kind ?? defaultKind,
        Title = entry.Title ?? "",
        Authors = entry.Authors,
        Publisher = entry.Publisher,
        PublishedDate = entry.PublishedDate,
        Url = entry.Url,
        Doi = DoiText.Normalise(entry.Doi),
        AccessedDate = entry.AccessedDate,
        Language = entry.Language,
        Notes = entry.Notes,
    };

    /// <summary>The source form's own checks (attributes and cross-field rules), as sentences.</summary>
    private static IEnumerable<string> Check(SourceInput input)
    {
        var context = new ValidationContext(input);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, context, results, validateAllProperties: true);
        // The validator skips the cross-field rules once an attribute fails; a preview should show every problem at once.
        return results.Concat(input.Validate(context)).Select(r => r.ErrorMessage ?? "A field is not valid.").Distinct();
    }

    private static Dictionary<string, Duplicate> Identities(IEnumerable<SourceIdentity> sources)
    {
        var known = new Dictionary<string, Duplicate>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var key in Keys(source.Url, source.Doi))
            {
                known.TryAdd(key, new Duplicate(source.Reference, null));
            }
        }
        return known;
    }

    private static IEnumerable<string> Keys(SourceInput input) => Keys(input.Url, input.Doi);

    private static IEnumerable<string> Keys(string? url, string? doi)
    {
        if (DoiText.Key(doi) is { } doiKey)
        {
            yield return "doi:" + doiKey;
        }
        if (UrlKey(url) is { } urlKey)
        {
            yield return "url:" + urlKey;
        }
    }

    /// <summary>An address as duplicates are matched: http or https, with or without www., a trailing slash or a #fragment, is the same page.</summary>
    public static string? UrlKey(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return $"{host.ToLowerInvariant()}{uri.AbsolutePath.TrimEnd('/')}{uri.Query}";
    }
}
