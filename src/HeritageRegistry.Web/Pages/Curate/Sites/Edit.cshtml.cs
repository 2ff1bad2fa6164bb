using HeritageRegistry.Data;
using HeritageRegistry.Data.Editing;
using HeritageRegistry.Review;

namespace HeritageRegistry.Pages.Curate.Sites;

/// <summary>Create and edit one place.</summary>
public sealed class EditModel(RecordEditor editor, CurateStore curate, ReviewStore reviews) : RecordEditPageModel<SiteInput>(editor, curate, reviews)
{
    protected override RecordType Type => RecordType.Site;

    protected override CitationTarget CitationTarget => CitationTarget.Site;

    protected override SiteInput FromRecord(EditableRecord record) => SiteInput.From(record.Values, record.Version);

    protected override Dictionary<string, object?> ToValues(SiteInput input, EditableRecord? existing) => input.ToValues();

    protected override async Task CheckAsync(SiteInput input, EditableRecord? existing, CancellationToken cancellationToken)
    {
        if (await Curate.SiteIdBySlugAsync(input.EffectiveSlug(), cancellationToken) is { } other && other != existing?.Id)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(input.Slug)}", $"Another place already uses the address name '{input.EffectiveSlug()}'.");
        }
        if (input.ParentId is { } parentId && (parentId == existing?.Id || await Curate.IsSiteWithinAsync(parentId, existing?.Id, cancellationToken)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(input.ParentId)}", "A place cannot be part of itself or of a place within it.");
        }
    }
}
