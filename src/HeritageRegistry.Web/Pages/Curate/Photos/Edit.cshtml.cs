using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;

namespace HeritageRegistry.Pages.Curate.Photos;

/// <summary>Describe, publish, delete and restore one uploaded photo. New photos come from the upload page.</summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate, ReviewStore reviews) : RecordEditPageModel<PhotoInput>(editor, curate, reviews)
{
    protected override RecordType Type => RecordType.Photo;

    protected override CitationTarget CitationTarget => CitationTarget.Photo;

    protected override PhotoInput FromRecord(EditableRecord record) => PhotoInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(PhotoInput input, EditableRecord? existing) =>
        input.ToValues(existing?.Values ?? new Dictionary<string, object?>());

    protected override async Task CheckAsync(PhotoInput input, EditableRecord? existing, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            ModelState.AddModelError(string.Empty, "Photos are added on the upload page.");
        }
    }
}
