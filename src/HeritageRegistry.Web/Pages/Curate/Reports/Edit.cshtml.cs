using System.Data;
using System.Globalization;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;

namespace HeritageRegistry.Pages.Curate.Reports;

/// <summary>Create and edit one report, and cite its sources.</summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate, ReportReferences references, ReviewStore reviews) : RecordEditPageModel<ReportInput>(editor, curate, reviews)
{
    protected override RecordType Type => RecordType.Report;

    protected override string CreatedMessage => "Draft report created. Cite at least one source, then publish it.";

    protected override CitationTarget CitationTarget => CitationTarget.Report;

    protected override ReportInput FromRecord(EditableRecord record) => ReportInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(ReportInput input, EditableRecord? existing) =>
        input.ToValues((string?)existing?.Values["reference"]);

    // References count per year of the event, e.g. PAL-2015-0016; computed inside the create transaction.
    protected override async Task PrepareCreateAsync(IDbConnection connection, IDbTransaction transaction, Dictionary<string, object?> values) =>
        values["reference"] = await references.NextAsync(connection, transaction,
            int.Parse(((string)values["event_earliest"]!)[..4], CultureInfo.InvariantCulture));
}
