using System.Data;
using System.Globalization;
using HeritageRegistry.Accounts;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using Microsoft.AspNetCore.Mvc;

namespace HeritageRegistry.Pages.Curate.Reports;

/// <summary>Create and edit one report, and cite its sources.</summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate) : RecordEditPageModel<ReportInput>(editor)
{
    protected override RecordType Type => RecordType.Report;

    protected override string CreatedMessage => "Draft report created. Cite at least one source, then publish it.";

    public CitationInput Citation { get; private set; } = new();
    public IReadOnlyList<CitationRow> Citations { get; private set; } = [];
    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> Sources { get; private set; } = [];

    protected override ReportInput FromRecord(EditableRecord record) => ReportInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(ReportInput input, EditableRecord? existing) =>
        input.ToValues((string?)existing?.Values["reference"]);

    protected override async Task CheckAsync(ReportInput input, EditableRecord? existing, CancellationToken cancellationToken)
    {
        if (input.SiteId is { } siteId && await Editor.GetAsync(RecordType.Site, siteId, cancellationToken) is null or { IsDeleted: true })
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(input.SiteId)}", "That place does not exist.");
        }
    }

    // References count per year of the event, e.g. PAL-2015-0016; computed inside the create transaction.
    protected override async Task PrepareCreateAsync(IDbConnection connection, IDbTransaction transaction, Dictionary<string, object?> values) =>
        values["reference"] = await CurateStore.NextReportReferenceAsync(connection, transaction,
            int.Parse(((string)values["event_earliest"]!)[..4], CultureInfo.InvariantCulture));

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sites = await curate.SiteChoicesAsync(cancellationToken);
        Sources = await curate.SourceChoicesAsync(cancellationToken);
        Citations = Record is null ? [] : await curate.ReportCitationsAsync(Record.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddCitationAsync(long id, [Bind(Prefix = nameof(Citation))] CitationInput citation, CancellationToken cancellationToken)
    {
        Citation = citation;
        if ((Record = await Editor.GetAsync(RecordType.Report, id, cancellationToken)) is null)
        {
            return NotFound();
        }
        Input = FromRecord(Record);
        if (citation.SourceId is { } sourceId && await Editor.GetAsync(RecordType.Source, sourceId, cancellationToken) is null or { IsDeleted: true })
        {
            ModelState.AddModelError($"{nameof(Citation)}.{nameof(citation.SourceId)}", "That source does not exist.");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }
        var position = (await curate.ReportCitationsAsync(id, cancellationToken)).Count;
        await Editor.CreateAsync(RecordType.Citation, new Dictionary<string, object?>
        {
            ["source_id"] = citation.SourceId, ["report_id"] = id, ["locator"] = Validate.Clean(citation.Locator),
            ["quote"] = Validate.Clean(citation.Quote), ["position"] = position,
        }, User.UserId(), null, cancellationToken);
        Status = "Source cited.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveCitationAsync(long id, long citationId, long citationVersion, CancellationToken cancellationToken)
    {
        var report = await Editor.GetAsync(RecordType.Report, id, cancellationToken);
        var citations = await curate.ReportCitationsAsync(id, cancellationToken);
        if (report is null || citations.All(c => c.Id != citationId))
        {
            return NotFound();
        }
        // Nothing is claimed without a source: a published report keeps at least one.
        var lastOfPublished = report.Publication == "published" && citations.Count == 1;
        return await ApplyAsync(id, "Citation removed.", async () => lastOfPublished
            ? new SaveResult(SaveStatus.Refused, id, report, "This is the only source of a published report. Cite another source first, or withdraw the report to draft.")
            : await Editor.SetDeletedAsync(RecordType.Citation, citationId, citationVersion, true, User.UserId(), cancellationToken), cancellationToken);
    }
}
