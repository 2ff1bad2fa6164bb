using System.Globalization;
using HeritageRegistry.Data;

namespace HeritageRegistry.Display;

/// <summary>One report placed on the timeline picture: x positions in percent of the width, and a lane.</summary>
public sealed record TimelineMark(ReportSummary Report, double Start, double End, int Lane);

/// <summary>
/// Places reports on a horizontal time axis. Marks that would overlap go to the next lane
/// down, so a busy month (August 2015) stays readable instead of one blot.
/// </summary>
public sealed class TimelineLayout
{
    /// <summary>Marks closer than this (percent of the width) share a lane only if they do not touch.</summary>
    private const double MinGap = 1.2;

    public TimelineLayout(IEnumerable<ReportSummary> reports, int firstYear, int lastYear)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        _from = new DateOnly(firstYear, 1, 1).DayNumber;
        _to = new DateOnly(lastYear, 12, 31).DayNumber + 1;
        double Percent(string day) => X(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        var laneEnds = new List<double>();
        var marks = new List<TimelineMark>();
        foreach (var report in reports.OrderBy(r => r.EventEarliest, StringComparer.Ordinal))
        {
            var start = Percent(report.EventEarliest);
            var end = Math.Max(Percent(report.EventLatest), start);
            var lane = laneEnds.FindIndex(laneEnd => laneEnd + MinGap <= start);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(0);
            }
            laneEnds[lane] = end;
            marks.Add(new TimelineMark(report, start, end, lane));
        }
        Marks = marks;
        Lanes = Math.Max(1, laneEnds.Count);
    }

    private readonly int _from;
    private readonly int _to;

    public int FirstYear { get; }
    public int LastYear { get; }
    public IReadOnlyList<TimelineMark> Marks { get; }
    public int Lanes { get; }

    /// <summary>Each year's left edge in percent, for the axis labels.</summary>
    public IEnumerable<(int Year, double X)> Years =>
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => (y, X(new DateOnly(y, 1, 1))));

    private double X(DateOnly day) => Math.Clamp((day.DayNumber - _from) * 100.0 / (_to - _from), 0, 100);
}
