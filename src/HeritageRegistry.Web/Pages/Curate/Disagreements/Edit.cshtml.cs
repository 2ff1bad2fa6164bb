using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;

namespace HeritageRegistry.Pages.Curate.Disagreements;

/// <summary>
/// Record or correct a disagreement between sources about a report or a place's own facts: each version
/// keeps its own sources, and the whole disagreement has a history like any record.
/// </summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate, ReviewStore reviews) : RecordEditPageModel<DisagreementInput>(editor, curate, reviews)
{
    protected override RecordType Type => RecordType.Disagreement;

    protected override string CreatedMessage => "Disagreement recorded. It shows with its report or place on the public site.";

    /// <summary>What is disputed: a report or a place, with the curator's page for it.</summary>
    public (string Label, string EditUrl)? Subject { get; private set; }

    protected override DisagreementInput FromRecord(EditableRecord record) => DisagreementInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(DisagreementInput input, EditableRecord? existing)
    {
        var values = input.ToValues(existing?.Values["position"] as long?);
        if (existing is not null)
        {
            // What a disagreement is about is fixed when it is created; the form cannot move it.
            (values["report_id"], values["site_id"]) = (existing.Values["report_id"], existing.Values["site_id"]);
        }
        return values;
    }

    protected override async Task CheckAsync(DisagreementInput input, EditableRecord? existing, CancellationToken cancellationToken)
    {
        if (existing is null && await SubjectAsync(input.ReportId, input.SiteId, cancellationToken) is null)
        {
            ModelState.AddModelError("", "A disagreement belongs to a report or a place: open this form from its page.");
        }
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Record is null && Input.ReportId is null && Input.SiteId is null)
        {
            Input.ReportId = long.TryParse(Request.Query["reportId"], out var reportId) ? reportId : null;
            Input.SiteId = long.TryParse(Request.Query["siteId"], out var siteId) ? siteId : null;
        }
        var (report, site) = Record is null ? (Input.ReportId, Input.SiteId) : (Record.Values["report_id"] as long?, Record.Values["site_id"] as long?);
        Subject = await SubjectAsync(report, site, cancellationToken);
        while (Input.Versions.Count < 2 || Input.Versions.Count(v => string.IsNullOrWhiteSpace(v.Statement)) < DisagreementInput.SpareVersions)
        {
            Input.Versions.Add(new DisagreementInput.VersionInput());
        }
    }

    private async Task<(string Label, string EditUrl)?> SubjectAsync(long? reportId, long? siteId, CancellationToken cancellationToken)
    {
        if (reportId is { } r && await Editor.GetAsync(RecordType.Report, r, cancellationToken) is { IsDeleted: false } report)
        {
            return ($"report {report.Values["reference"]}: {report.Values["title"]}", $"/curate/reports/edit/{r}");
        }
        if (reportId is null && siteId is { } s && await Editor.GetAsync(RecordType.Site, s, cancellationToken) is { IsDeleted: false } site)
        {
            return ($"the place {site.Values["name_en"]}", $"/curate/sites/edit/{s}");
        }
        return null;
    }
}
