using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeritageRegistry.Pages.Curate.Import;

/// <summary>
/// Import places or reports from a spreadsheet: a dry run shows every row as it would become a record and
/// every problem by row and column, writing nothing; only a file without problems is imported, all at once.
/// The import form carries the file back (base64) rather than the server keeping uploads between requests,
/// and the file is checked again before anything is written.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(Database database, RecordEditor editor, ImportStore imports) : PageModel
{
    // The file, or its base64 (4/3 of it) sent back with the import, plus the form's other fields.
    private const int MaxRequestBytes = SpreadsheetFile.MaxBytes / 3 * 4 + 1024 * 1024;

    public ImportPlan? Plan { get; private set; }

    /// <summary>The checked file, to send back with the import button.</summary>
    public string? FileContent { get; private set; }

    public string? FileName { get; private set; }

    public string Kind { get; private set; } = "auto";

    public string? Problem { get; private set; }

    public IReadOnlyList<ImportSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recent = await imports.RecentAsync(20, cancellationToken);

    /// <summary>A CSV with the documented columns and an example row.</summary>
    public IActionResult OnGetTemplate(string? kind) => ImportKind.Find(kind) is { } found
        ? File(found.TemplateCsv(), "text/csv; charset=utf-8", $"{found.Plural}-template.csv")
        : NotFound();

    public async Task<IActionResult> OnPostDryRunAsync(IFormFile? file, string? kind, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return await RefuseAsync("Choose a CSV or XLSX file to upload.", cancellationToken);
        }
        if (file.Length > SpreadsheetFile.MaxBytes)
        {
            return await RefuseAsync($"The file is larger than {SpreadsheetFile.MaxBytes / (1024 * 1024)} MB; split it into smaller files.", cancellationToken);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return await PlanAsync(buffer.ToArray(), Path.GetFileName(file.FileName), kind, cancellationToken) ? Page() : await ShownAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(string? content, string? fileName, string? kind, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            return await RefuseAsync("This form was not sent as the page made it. Upload the file again.", cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(fileName) || !await PlanAsync(bytes, fileName, kind, cancellationToken))
        {
            return await ShownAsync(cancellationToken);
        }
        var plan = Plan!;
        var (id, refusal) = await imports.ImportAsync(plan, FileName!, User.UserId(), cancellationToken);
        if (refusal is not null)
        {
            Plan = new ImportPlan(plan.Kind, plan.Format, plan.Rows, [refusal]);
            return await ShownAsync(cancellationToken);
        }
        TempData["Status"] = $"Imported {plan.Rows.Count:N0} {plan.Kind.Plural} as drafts.";
        return RedirectToPage("/Curate/Import/Show", new { id });
    }

    /// <summary>Reads and checks the file into <see cref="Plan"/>; true when it may be imported as it stands.</summary>
    private async Task<bool> PlanAsync(byte[] bytes, string fileName, string? kind, CancellationToken cancellationToken)
    {
        (FileName, Kind) = (fileName.Trim(), ImportKind.Find(kind)?.Name ?? "auto");
        var file = SpreadsheetFile.Read(bytes);
        var lookups = await ImportLookups.LoadAsync(database, cancellationToken);
        Plan = await ImportPlan.MakeAsync(file, ImportKind.Find(kind), lookups, editor, cancellationToken);
        if (!Plan.CanImport)
        {
            return false;
        }
        FileContent = Convert.ToBase64String(bytes);
        return true;
    }

    private Task<IActionResult> RefuseAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        return ShownAsync(cancellationToken);
    }

    private async Task<IActionResult> ShownAsync(CancellationToken cancellationToken)
    {
        Recent = await imports.RecentAsync(20, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
