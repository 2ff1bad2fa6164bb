using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HeritageRegistry.Validation;

/// <summary>
/// How posted form values become page inputs: a value that does not fit its field becomes a message
/// by the field (and the form is shown again), never an exception. Registered once for every form.
/// </summary>
public static class FormBinding
{
    public static IServiceCollection AddFormBinding(this IServiceCollection services) => services.Configure<MvcOptions>(options =>
    {
        options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
        // The framework's messages repeat the posted value, which may be 100,000 characters or control codes; these do not.
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"The value for {field} is not valid: enter a number.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "The value is not valid: enter a number.");
        messages.SetValueIsInvalidAccessor(_ => "The value is not valid: enter a number.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"The value for {field} is not valid: enter a number.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "The value is not valid: enter a number.");
        messages.SetValueMustNotBeNullAccessor(_ => "Enter a value.");
    });

    private sealed class CheckboxBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;
    }

    /// <summary>
    /// A tick box sends "true" (ours, followed by a hidden "false") or "on" (a box without a value), and
    /// nothing when unticked; anything else is refused at the field. The default binder would keep the
    /// bad text as the value to show again, and the checkbox helper then throws converting it to a bool.
    /// </summary>
    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var text = posted.FirstValue?.Trim() ?? "";
            if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                Bind(context, false);
            }
            else if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase))
            {
                Bind(context, true);
            }
            else
            {
                context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: null);
                context.ModelState.TryAddModelError(context.ModelName, "Tick the box or leave it empty.");
                context.Result = ModelBindingResult.Failed();
            }
            return Task.CompletedTask;
        }

        private static void Bind(ModelBindingContext context, bool value)
        {
            context.ModelState.SetModelValue(context.ModelName, rawValue: value, attemptedValue: value ? "true" : "false");
            context.Result = ModelBindingResult.Success(value);
        }
    }
}
