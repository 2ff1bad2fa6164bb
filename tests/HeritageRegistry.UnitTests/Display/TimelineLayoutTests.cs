using HeritageRegistry.Data;
using HeritageRegistry.Display;

namespace HeritageRegistry.UnitTests.Display;

public sealed class TimelineLayoutTests
{
    private static ReportSummary Report(string reference, string earliest, string latest) =>
        new() { Reference = reference, EventEarliest = earliest, EventLatest = latest };

    [Fact]
    public void A_day_is_placed_by_its_share_of_the_whole_period()
    {
        var layout = new TimelineLayout([Report("A", "2013-01-01", "2013-01-01")], 2012, 2013);

        var mark = Assert.Single(layout.Marks);
        Assert.Equal(366.0 * 100 / 731, mark.Start, precision: 6);
        Assert.Equal(mark.Start, mark.End);
    }

    [Fact]
    public void Overlapping_reports_go_to_separate_lanes_and_later_ones_reuse_a_free_lane()
    {
        var layout = new TimelineLayout(
        [
            Report("A", "2015-01-01", "2015-12-31"),
            Report("B", "2015-06-01", "2015-06-01"),
            Report("C", "2018-01-01", "2018-01-01"),
        ], 2012, 2022);

        var lanes = layout.Marks.ToDictionary(m => m.Report.Reference, m => m.Lane);
        Assert.Equal(0, lanes["A"]);
        Assert.Equal(1, lanes["B"]);
        Assert.Equal(0, lanes["C"]);
        Assert.Equal(2, layout.Lanes);
    }

    [Fact]
    public void Dates_outside_the_period_are_pinned_to_its_edges()
    {
        var layout = new TimelineLayout([Report("A", "2010-05-01", "2030-01-01")], 2012, 2022);

        var mark = Assert.Single(layout.Marks);
        Assert.Equal((0.0, 100.0), (mark.Start, mark.End));
    }

    [Fact]
    public void Each_year_label_starts_at_the_first_of_january()
    {
        var layout = new TimelineLayout([], 2012, 2013);

        Assert.Equal([(2012, 0.0), (2013, 366.0 * 100 / 731)], layout.Years.ToList());
    }
}
