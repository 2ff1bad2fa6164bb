using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Pages.Curate.Reports;
using HeritageRegistry.Pages.Curate.Sites;

namespace HeritageRegistry.Import;

/// <summary>What is wrong with a file, a row, or one cell of it. Row 0 is the file as a whole.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>One row as it would become a record: the values the editor would save (none when the row has a problem)
/// and the sources it would cite, beside the row's cells as the file gives them.</summary>
public sealed record PlannedRow(SpreadsheetRow Row, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<long> SourceIds)
{
    public int Number => Row.Number;
}

/// <summary>
/// The dry run of an import, worked out before anything is written: every row read into the curators' own
/// form input (<see cref="ReportInput"/>, <see cref="SiteInput"/>) and checked by that form's rules, places and
/// sources looked up by slug and reference, and each row matched against existing records and earlier rows.
/// Records are made only from a plan without problems.
/// </summary>
public sealed record ImportPlan(ImportKind Kind, string Format, IReadOnlyList<PlannedRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanImport => Problems.Count == 0 && Rows.Count > 0;

    public ILookup<int, ImportProblem> ProblemsByRow { get; } = Problems.ToLookup(p => p.Row);

    public static ImportPlan Failed(ImportKind kind, string format, string problem) => new(kind, format, [], [new ImportProblem(0, "", problem)]);

    public static async Task<ImportPlan> MakeAsync(SpreadsheetFile file, ImportKind? chosen, ImportLookups lookups, RecordEditor editor,
        CancellationToken cancellationToken)
    {
        var kind = chosen ?? ImportKind.FromColumns(file.Columns);
        if (file.Problem is { } unreadable)
        {
            return Failed(kind ?? ImportKind.Report, file.Format, unreadable);
        }
        if (kind is null)
        {
            return Failed(ImportKind.Report, file.Format, "Choose whether the file holds places or reports: its header has neither event_date nor name_en.");
        }
        var problems = new List<ImportProblem>();
        var unknown = file.Columns.Where(c => c.Length > 0 && kind.Columns.All(k => k.Name != c)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(0, string.Join(", ", unknown), $"Unknown column{(unknown.Count == 1 ? "" : "s")} for {kind.Plural}: see the template for the columns."));
        }
        foreach (var missing in kind.Columns.Where(c => c.Required && !file.Columns.Contains(c.Name)))
        {
            problems.Add(new(0, missing.Name, "This column is required and the file does not have it."));
        }
        if (file.Rows.Count == 0)
        {
            problems.Add(new(0, "", "The file has a header but no rows."));
        }
        if (problems.Count > 0)
        {
            return new ImportPlan(kind, file.Format, [], problems);
        }
        var rows = new List<PlannedRow>(file.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            var rowProblems = new List<ImportProblem>();
            var (values, key) = kind == ImportKind.Report ? ReportRow(row, lookups, rowProblems) : SiteRow(row, lookups, rowProblems);
            var sourceIds = Sources(kind, row, lookups, rowProblems);
            if (values is not null && rowProblems.Count == 0 && await editor.CheckAsync(kind.Type, values, cancellationToken) is { } refusal)
            {
                rowProblems.Add(new(row.Number, refusal.Column ?? "", refusal.Message));
            }
            if (key is not null && !seen.TryAdd(key.Value.Key, row.Number))
            {
                rowProblems.Add(new(row.Number, key.Value.Column, $"Repeats row {seen[key.Value.Key]} of this file."));
            }
            problems.AddRange(rowProblems);
            rows.Add(new PlannedRow(row, values ?? new Dictionary<string, object?>(), sourceIds));
        }
        return new ImportPlan(kind, file.Format, rows, problems);
    }

    private static (Dictionary<string, object?>? Values, (string Key, string Column)? Key) ReportRow(SpreadsheetRow row, ImportLookups lookups, List<ImportProblem> problems)
    {
        var kind = ImportKind.Report;
        var input = new ReportInput
        {
            Kind = row.Text("kind") ?? "", Title = row.Text("title") ?? "", EventDate = row.Text("event_date") ?? "",
            ReportedDate = row.Text("reported_date"), Cause = row.Text("cause"), Effect = row.Text("effect"), Severity = row.Text("severity"),
            Extent = row.Text("extent"), Certainty = row.Text("certainty"), Verification = row.Text("verification") ?? "",
            Method = row.Text("method"), Assessor = row.Text("assessor"), Description = row.Text("description"),
        };
        if (row.Text("place") is { } slug)
        {
            input.SiteId = lookups.Place(slug);
            if (input.SiteId is null)
            {
                problems.Add(new(row.Number, "place", $"No place has the address name '{slug}'."));
            }
        }
        else
        {
            problems.Add(new(row.Number, "place", "Give the place's address name (slug)."));
        }
        problems.AddRange(Check(kind, row.Number, input).Where(p => !(p.Column == "place" && input.SiteId is null)));
        if (problems.Count > 0)
        {
            return (null, null);
        }
        var values = input.ToValues(null);
        var key = ImportLookups.ReportKey((long)values["site_id"]!, (string)values["title"]!, (string)values["event_date"]!);
        if (lookups.ExistingReport(key) is { } reference)
        {
            problems.Add(new(row.Number, "title", $"{reference} already reports this place, title and date."));
        }
        return (values, (key, "title"));
    }

    private static (Dictionary<string, object?>? Values, (string Key, string Column)? Key) SiteRow(SpreadsheetRow row, ImportLookups lookups, List<ImportProblem> problems)
    {
        var kind = ImportKind.Site;
        var input = new SiteInput
        {
            Slug = row.Text("slug"), NameEn = row.Text("name_en") ?? "", NameAr = row.Text("name_ar"), Kind = row.Text("kind") ?? "",
            Summary = row.Text("summary"), Description = row.Text("description"), Built = row.Text("built"),
            UnescoWhcId = row.Text("unesco_whc_id"), PleiadesId = row.Text("pleiades_id"), WikidataId = row.Text("wikidata_id"),
            OtherNames = row.Text("other_names")?.Replace('|', '\n'),
            Latitude = Number(row, "latitude", problems), Longitude = Number(row, "longitude", problems),
            IsSensitive = Flag(row, "sensitive", problems),
        };
        if (row.Text("parent") is { } parent && (input.ParentId = lookups.Place(parent)) is null)
        {
            problems.Add(new(row.Number, "parent", $"No place has the address name '{parent}'."));
        }
        problems.AddRange(Check(kind, row.Number, input));
        if (problems.Count > 0)
        {
            return (null, null);
        }
        var slug = input.EffectiveSlug();
        if (lookups.SlugTaken(slug))
        {
            problems.Add(new(row.Number, "slug", $"A place already has the address name '{slug}'."));
        }
        return (input.ToValues(), (slug, "slug"));
    }

    private static List<long> Sources(ImportKind kind, SpreadsheetRow row, ImportLookups lookups,
        List<ImportProblem> problems)
    {
        var references = (row.Text(ImportKind.Sources) ?? "").Split([' ', ',', ';', '|', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (references.Count == 0 && kind.Columns.Single(c => c.Name == ImportKind.Sources).Required)
        {
            problems.Add(new(row.Number, ImportKind.Sources, "Name at least one source by its reference, e.g. S01."));
        }
        var ids = new List<long>(references.Count);
        foreach (var reference in references)
        {
            if (lookups.Source(reference) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                problems.Add(new(row.Number, ImportKind.Sources, $"No source has the reference '{reference}'."));
            }
        }
        return ids;
    }

    /// <summary>The form's own checks (its attributes and its cross-field rules), each named by its column.</summary>
    private static IEnumerable<ImportProblem> Check(ImportKind kind, int row, IValidatableObject input)
    {
        var context = new ValidationContext(input);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, context, results, validateAllProperties: true);
        // The validator skips the cross-field rules once an attribute fails; a dry run shows every problem at once.
        return results.Concat(input.Validate(context))
            .Select(r => new ImportProblem(row, kind.ColumnOf(r.MemberNames.FirstOrDefault()), r.ErrorMessage ?? "This value is not valid."))
            .Distinct();
    }

    private static double? Number(SpreadsheetRow row, string column, List<ImportProblem> problems)
    {
        if (row.Text(column) is not { } text)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        problems.Add(new(row.Number, column, "Enter a number in decimal degrees with a point, e.g. 34.5495."));
        return null;
    }

    private static bool Flag(SpreadsheetRow row, string column, List<ImportProblem> problems)
    {
        switch (row.Text(column)?.ToLowerInvariant())
        {
            case null or "no" or "false" or "0":
                return false;
            case "yes" or "true" or "1":
                return true;
            default:
                problems.Add(new(row.Number, column, "Write yes or no."));
                return false;
        }
    }
}
