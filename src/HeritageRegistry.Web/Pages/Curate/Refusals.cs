using System.Text.Json;
using HeritageRegistry.Data.Editing;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HeritageRegistry.Pages.Curate;

/// <summary>Shows a write's refusal by the form field of the column it names (report_id is ReportId), or above the form when no field shows it.</summary>
public static class Refusals
{
    // Every curators' form binds its fields as the property Input, so that is the prefix of a field's key.
    public static void AddRefusal(this ModelStateDictionary modelState, Refusal refusal, Type input)
    {
        var field = input.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == refusal.Column);
        modelState.AddModelError(field is null ? string.Empty : $"Input.{field.Name}", refusal.Message);
    }
}
