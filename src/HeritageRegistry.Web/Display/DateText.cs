using System.Globalization;
using HeritageRegistry.Dates;
using HeritageRegistry.Localization;

namespace HeritageRegistry.Display;

public static class DateText
{
    /// <summary>A stored EDTF date in words in the page's language ("c. August 2015", "نحو آب 2015");
    /// text that is not EDTF is shown as it is.</summary>
    public static string Format(string? edtf) =>
        EdtfDate.TryParse(edtf, out var date, out _) ? date!.ToDisplay(Languages.IsArabic ? CultureInfo.CurrentCulture : CultureInfo.InvariantCulture) : edtf ?? "";
}
