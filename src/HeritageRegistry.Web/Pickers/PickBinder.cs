using HeritageRegistry.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace HeritageRegistry.Pickers;

/// <summary>
/// Turns a picker's posted text into the id of the one record it names. Text that names nothing, or several
/// records, is a message by the field (listing the candidates), so the form is shown again and nothing is written.
/// </summary>
public sealed class PickBinder(Picker picker) : IModelBinder
{
    /// <summary>How many candidates an "ambiguous" message names.</summary>
    private const int Candidates = 5;

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var text = posted.FirstValue?.Trim() ?? "";
        if (text.Length == 0)
        {
            bindingContext.Result = ModelBindingResult.Success(null); // [Required] says when a choice is needed
            return;
        }
        var services = bindingContext.HttpContext.RequestServices;
        var matches = await services.GetRequiredService<PickerStore>().ResolveAsync(picker, text, Candidates + 1, bindingContext.HttpContext.RequestAborted);
        if (matches.Count == 1)
        {
            bindingContext.Result = ModelBindingResult.Success(matches[0].Id);
            return;
        }
        var words = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var listed = string.Join("; ", matches.Take(Candidates).Select(match => match.Text)) + (matches.Count > Candidates ? "; …" : "");
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, matches.Count == 0 ? words[picker.NoneMessage] : words[picker.SeveralMessage, listed]);
        bindingContext.Result = ModelBindingResult.Failed();
    }

    /// <summary>Gives every property marked <see cref="PickAttribute"/> this binder; registered once for every form.</summary>
    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata is DefaultModelMetadata { Attributes.PropertyAttributes: { } attributes } && attributes.OfType<PickAttribute>().FirstOrDefault() is { } pick
                ? new PickBinder(Picker.Of(pick.Kind))
                : null;
    }
}
