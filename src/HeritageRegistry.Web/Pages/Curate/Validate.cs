using System.ComponentModel.DataAnnotations;
using HeritageRegistry.Dates;
using HeritageRegistry.Vocabulary;

namespace HeritageRegistry.Pages.Curate;

/// <summary>Field checks shared by the curators' forms; each yields a message naming the field.</summary>
public static class Validate
{
    public static IEnumerable<ValidationResult> Edtf(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                yield return new ValidationResult("Enter a date, e.g. 2015-08-30, 2015-08 or 2015-06/2015-09-02.", [field]);
            }
            yield break;
        }
        if (!EdtfDate.TryParse(value, out _, out var error))
        {
            yield return new ValidationResult(error, [field]);
        }
    }

    public static IEnumerable<ValidationResult> Term(TermList list, string? code, string field, bool required)
    {
        if (string.IsNullOrEmpty(code))
        {
            if (required)
            {
                yield return new ValidationResult($"Choose a {list.Name.ToLowerInvariant()}.", [field]);
            }
        }
        else if (!list.Contains(code))
        {
            yield return new ValidationResult($"'{code}' is not in the {list.Name.ToLowerInvariant()} list.", [field]);
        }
    }

    public static IEnumerable<ValidationResult> Doi(string? value, string field)
    {
        if (Citations.DoiText.Normalise(value) is { } doi && !Citations.DoiText.IsValid(doi))
        {
            yield return new ValidationResult("A DOI looks like 10.1017/S0003598X16000181.", [field]);
        }
    }

    public static IEnumerable<ValidationResult> WebAddress(string? value, string field)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && !(Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Enter a full web address starting with http:// or https://.", [field]);
        }
    }

    /// <summary>Blank form fields are stored as NULL, not as empty text.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
