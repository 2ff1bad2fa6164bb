using HeritageRegistry.Dates;

namespace HeritageRegistry.Display;

public static class DateText
{
    /// <summary>A stored EDTF date in words ("c. August 2015"); text that is not EDTF is shown as it is.</summary>
    public static string Format(string? edtf) =>
        EdtfDate.TryParse(edtf, out var date, out _) ? date!.ToDisplay() : edtf ?? "";
}
