using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Search;

/// <summary>
/// /search.csv: every result of a search (same parameters as /search, pages ignored) as CSV,
/// written to the response row by row as the database yields them. UTF-8 with a byte-order mark
/// so spreadsheet programs read Arabic; cells starting with = + - @ (or a tab or carriage return)
/// get a leading apostrophe so a spreadsheet shows them as text instead of running them as formulas.
/// Columns added later go at the end, so a spreadsheet built on the earlier ones keeps working.
/// </summary>
public static class SearchExport
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        NewLine = "\r\n",
    };

    private static readonly string[] Header =
        ["type", "reference", "url", "title", "title_ar", "date", "place", "place_slug", "kind", "severity", "cause", "effect", "certainty", "verification",
         "description", "earliest", "latest", "kind_label", "severity_label", "cause_label", "effect_label", "certainty_label", "verification_label",
         "source_references", "source_titles"];

    public static IEndpointRouteBuilder MapSearchExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search.csv", ExportAsync).RequireRateLimiting(Hosting.RequestRateLimits.Search);
        return app;
    }

    /// <summary>The search a download's URL asks for, or the 400 problem naming each bad parameter
    /// (a place that is not public among them), so every download of a search refuses alike.</summary>
    internal static async Task<(SearchQuery? Query, IResult? Problem)> ReadAsync(HttpContext context, SearchStore search, CancellationToken cancellationToken)
    {
        var parse = SearchQuery.Parse(context.Request.Query);
        var errors = parse.Errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        if (parse.IsValid && parse.Query.Site is { } site && !await search.IsPublicPlaceAsync(site, cancellationToken))
        {
            errors["site"] = [$"No public place has the address name '{site}'."];
        }
        return errors.Count > 0
            ? (null, Results.ValidationProblem(errors, title: "The search parameters are not valid."))
            : (parse.Query, null);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, SearchStore search, CancellationToken cancellationToken)
    {
        var (query, problem) = await ReadAsync(context, search, cancellationToken);
        if (query is null)
        {
            return problem!;
        }
        var origin = Hosting.PublicAddress.Origin(context);
        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await using var csv = new CsvWriter(writer, Csv);
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }
            await csv.NextRecordAsync();
            await foreach (var row in search.ExportAsync(query, cancellationToken))
            {
                WriteRow(csv, row, origin);
                await csv.NextRecordAsync();
            }
        }, "text/csv; charset=utf-8", "search-results.csv");
    }

    private static void WriteRow(CsvWriter csv, SearchExportRow row, string origin)
    {
        string?[] fields =
        [
            row.Type, row.Key, $"{origin}/{row.Type}s/{row.Key}", row.Title, row.TitleAr, row.Date, row.SiteName, row.SiteSlug,
            row.Kind, row.Severity, row.Cause, row.Effect, row.Certainty, row.Verification,
            row.Description, row.Earliest, row.Latest, KindTerms(row.Type).Label(row.Kind), Vocab.Severities.Label(row.Severity),
            Vocab.Causes.Label(row.Cause), Vocab.Effects.Label(row.Effect), Vocab.Certainties.Label(row.Certainty),
            Vocab.Verifications.Label(row.Verification), row.SourceReferences, row.SourceTitles,
        ];
        foreach (var field in fields)
        {
            csv.WriteField(field ?? "");
        }
    }

    // A photo's kind is its place's kind (Search/SearchSql.cs).
    private static TermList KindTerms(string type) => type switch
    {
        "report" => Vocab.ReportKinds,
        "source" => Vocab.SourceKinds,
        _ => Vocab.SiteKinds,
    };
}
