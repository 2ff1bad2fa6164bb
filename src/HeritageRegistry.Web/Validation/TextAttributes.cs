using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HeritageRegistry.Validation;

/// <summary>
/// The one rule for typed text: at most so many characters, refused with a message rather than cut
/// (no maxlength is sent to the browser, which would cut a paste silently), and no control characters:
/// none in a one-line field, only tabs and line breaks in a multi-line one.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class TextAttribute(int maxLength, bool multiLine) : ValidationAttribute
{
    public int MaxLength => maxLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Problem(value as string, maxLength, multiLine) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;

    /// <summary>What is wrong with the text, as a sentence for beside the field; null when it is fine.</summary>
    public static string? Problem(string? text, int maxLength, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // A browser sends each line break of a text area as CR LF; the curator typed one character.
        var length = multiLine ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Length : text.Length;
        if (length > maxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"At most {maxLength:N0} characters (you have {length:N0}).");
        }
        if (!multiLine && text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return "Keep this to one line: it contains a line break.";
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiLine && c is '\t' or '\r' or '\n'))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Remove the invisible control character U+{(int)c:X4}.");
            }
        }
        return null;
    }
}

/// <summary>One line of text: a title, a name, a login, a date, an address.</summary>
public sealed class SingleLineAttribute(int maxLength) : TextAttribute(maxLength, multiLine: false);

/// <summary>Text of several lines (a description, notes, a quote): tabs and line breaks are allowed.</summary>
public sealed class MultiLineAttribute(int maxLength) : TextAttribute(maxLength, multiLine: true);
