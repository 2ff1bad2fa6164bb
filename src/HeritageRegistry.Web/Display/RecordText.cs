using System.Globalization;

namespace HeritageRegistry.Display;

/// <summary>
/// A record's text in the reader's language: on an Arabic page (the request's UI culture is Arabic) the
/// Arabic a curator gave, else the English. The language goes with the text, so an Arabic page that falls
/// back to English can mark it <c>lang="en"</c>. Pages show it with <see cref="RecordTextTagHelper"/>;
/// places that cannot carry markup (a page title, alt text, a citation) use <see cref="Of"/> directly.
/// </summary>
public readonly record struct RecordText(string? Text, string Lang)
{
    /// <summary>Whether the page being made is in Arabic.</summary>
    public static bool IsArabicPage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";

    /// <summary>The text for the current page: the Arabic where the page is Arabic and there is some, else the English.</summary>
    public static RecordText Of(string? english, string? arabic) =>
        IsArabicPage && !string.IsNullOrWhiteSpace(arabic) ? new RecordText(arabic, "ar") : new RecordText(english, "en");

    /// <summary>The writing direction of <see cref="Lang"/>.</summary>
    public string Dir => Lang == "ar" ? "rtl" : "ltr";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    public override string ToString() => Text ?? "";
}
