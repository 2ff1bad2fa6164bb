using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HeritageRegistry.Dates;

/// <summary>
/// A date as heritage researchers write it, in the subset of EDTF (ISO 8601-2) the registry accepts:
/// <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, each optionally followed by <c>~</c> (approximate),
/// <c>?</c> (uncertain) or <c>%</c> (both), and intervals <c>A/B</c> of two such dates.
/// </summary>
/// <remarks>
/// <see cref="Earliest"/> and <see cref="Latest"/> are the first and last day the text can mean, so
/// filters can test overlap. Approximation does not widen them: how far "about August 2015" reaches
/// is a judgement the source does not make, and guessing a margin would put reports into filters
/// their sources never claimed. Researchers who need a wider window write an interval.
/// </remarks>
public sealed partial record EdtfDate
{
    private const string Grammar = "use YYYY, YYYY-MM or YYYY-MM-DD";

    private readonly Part start;
    private readonly Part? end;

    private EdtfDate(string text, Part start, Part? end)
    {
        Text = text;
        this.start = start;
        this.end = end;
    }

    /// <summary>The input, trimmed and with spaces around "/" removed.</summary>
    public string Text { get; }

    public DateOnly Earliest => start.Earliest;

    public DateOnly Latest => (end ?? start).Latest;

    public bool IsApproximate => start.IsApproximate || end?.IsApproximate == true;

    public bool IsUncertain => start.IsUncertain || end?.IsUncertain == true;

    public bool IsInterval => end is not null;

    /// <exception cref="FormatException">The text is not a date; the message says which part is wrong.</exception>
    public static EdtfDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var date, out var error) ? date : throw new FormatException(error);
    }

    public static bool TryParse(
        string? text, [NotNullWhen(true)] out EdtfDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        var pieces = (text ?? "").Split('/', StringSplitOptions.TrimEntries);
        if (pieces is [""])
        {
            error = $"The date is empty: {Grammar}.";
            return false;
        }
        var normalised = string.Join('/', pieces);
        if (pieces.Length > 2)
        {
            error = $"'{normalised}' has more than one '/'; an interval is two dates, start/end.";
            return false;
        }
        if (pieces.Length == 2 && pieces.Contains(""))
        {
            var missing = pieces[0].Length == 0 ? "start" : "end";
            error = $"'{normalised}' has no {missing} date; open intervals are not supported.";
            return false;
        }
        if (!Part.TryParse(pieces[0], out var first, out error))
        {
            return false;
        }
        Part? last = null;
        if (pieces.Length == 2)
        {
            if (!Part.TryParse(pieces[1], out var second, out error))
            {
                return false;
            }
            if (second.Latest < first.Earliest)
            {
                error = $"'{normalised}' ends before it starts.";
                return false;
            }
            last = second;
        }
        date = new EdtfDate(normalised, first, last);
        return true;
    }

    /// <summary>English for pages: "30 August 2015", "c. August 2015", "2015?", "June 2015 – 2 September 2015".</summary>
    public string ToDisplay() => ToDisplay(CultureInfo.InvariantCulture);

    /// <summary>In a culture's month names and calendar (Gregorian: a Syrian reader's "30 آب 2015", "نحو آب 2015");
    /// the invariant culture gives the English.</summary>
    public string ToDisplay(CultureInfo culture) =>
        end is { } last ? $"{start.ToDisplay(culture)} – {last.ToDisplay(culture)}" : start.ToDisplay(culture);

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-(?<month>[0-9]{2})(?:-(?<day>[0-9]{2}))?)?(?<flag>[~?%])?\z")]
    private static partial Regex SingleDate();

    /// <summary>One side of an interval, or the whole of a single date. Month and Day are 0 when not given.</summary>
    private readonly record struct Part(int Year, int Month, int Day, bool IsApproximate, bool IsUncertain)
    {
        public DateOnly Earliest => new(Year, Math.Max(Month, 1), Math.Max(Day, 1));

        public DateOnly Latest => Month == 0 ? new(Year, 12, 31)
            : new(Year, Month, Day == 0 ? DateTime.DaysInMonth(Year, Month) : Day);

        public static bool TryParse(string text, out Part part, [NotNullWhen(false)] out string? error)
        {
            part = default;
            var match = SingleDate().Match(text);
            if (!match.Success)
            {
                error = $"'{text}' is not a date: {Grammar}.";
                return false;
            }
            var year = Number(match.Groups["year"]);
            var month = Number(match.Groups["month"]);
            var day = Number(match.Groups["day"]);
            error = year == 0 ? $"'{text}' has year 0000; years run 0001-9999."
                : match.Groups["month"].Success && month is < 1 or > 12 ? $"'{text}' has month {month:00}; months run 01-12."
                : match.Groups["day"].Success && (day < 1 || day > DateTime.DaysInMonth(year, month))
                    ? $"'{text}' is not a day in {MonthName(month)} {year}."
                : null;
            if (error is not null)
            {
                return false;
            }
            var flag = match.Groups["flag"].Value;
            part = new Part(year, month, day, flag is "~" or "%", flag is "?" or "%");
            return true;
        }

        public string ToDisplay(CultureInfo culture)
        {
            // Digits stay Western (as .NET writes them in every culture, and as the registry's sources print them).
            var digits = CultureInfo.InvariantCulture;
            var month = culture.DateTimeFormat.GetMonthName(Month == 0 ? 1 : Month);
            var core = Month == 0 ? string.Create(digits, $"{Year}")
                : Day == 0 ? string.Create(digits, $"{month} {Year}")
                : string.Create(digits, $"{Day} {month} {Year}");
            var about = culture.TwoLetterISOLanguageName == "ar" ? "نحو " : "c. ";
            return (IsApproximate ? about : "") + core + (IsUncertain ? "?" : "");
        }

        private static int Number(Group group) =>
            group.Success ? int.Parse(group.ValueSpan, CultureInfo.InvariantCulture) : 0;

        private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
    }
}
