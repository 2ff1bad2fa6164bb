using System.Data;
using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;

namespace HeritageRegistry.Pages.Curate.Sources;

/// <summary>Create and edit one source.</summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate, ReviewStore reviews) : RecordEditPageModel<SourceInput>(editor, curate, reviews)
{
    protected override RecordType Type => RecordType.Source;

    protected override SourceInput FromRecord(EditableRecord record) => SourceInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(SourceInput input, EditableRecord? existing) =>
        input.ToValues((string?)existing?.Values["reference"]);

    protected override async Task PrepareCreateAsync(IDbConnection connection, IDbTransaction transaction, Dictionary<string, object?> values) =>
        values["reference"] = await CurateStore.NextSourceReferenceAsync(connection, transaction);
}
