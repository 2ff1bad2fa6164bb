using System.Globalization;
using HeritageRegistry.Dates;

namespace HeritageRegistry.UnitTests;

public sealed class EdtfDateTests
{
    [Theory]
    [InlineData("2015", "2015-01-01", "2015-12-31")]
    [InlineData("2015-08", "2015-08-01", "2015-08-31")]
    [InlineData("2015-02", "2015-02-01", "2015-02-28")]
    [InlineData("2015-08-30", "2015-08-30", "2015-08-30")]
    [InlineData("0001", "0001-01-01", "0001-12-31")]
    [InlineData("9999-12", "9999-12-01", "9999-12-31")]
    public void A_date_spans_every_day_it_can_mean(string text, string earliest, string latest)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(DateOnly.Parse(earliest, CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, CultureInfo.InvariantCulture), date.Latest);
        Assert.False(date.IsInterval);
    }

    [Theory]
    [InlineData("2016-02", 29)]
    [InlineData("2000-02", 29)]
    [InlineData("1900-02", 28)]
    [InlineData("2015-02", 28)]
    public void February_ends_on_the_leap_day_only_in_leap_years(string text, int lastDay)
    {
        Assert.Equal(lastDay, EdtfDate.Parse(text).Latest.Day);
    }

    [Fact]
    public void The_leap_day_is_a_valid_day_in_a_leap_year()
    {
        Assert.Equal(new DateOnly(2016, 2, 29), EdtfDate.Parse("2016-02-29").Earliest);
    }

    [Theory]
    [InlineData("2015-08~", true, false)]
    [InlineData("2015-08?", false, true)]
    [InlineData("2015-08%", true, true)]
    [InlineData("2015-08", false, false)]
    [InlineData("2015-06~/2015-09-02", true, false)]
    [InlineData("2015-06/2015-09-02?", false, true)]
    public void Qualifiers_set_the_approximate_and_uncertain_flags(string text, bool approximate, bool uncertain)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(approximate, date.IsApproximate);
        Assert.Equal(uncertain, date.IsUncertain);
    }

    [Theory]
    [InlineData("2015-08~")]
    [InlineData("2015-08?")]
    [InlineData("2015-08%")]
    public void A_qualifier_does_not_widen_the_bounds(string text)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(new DateOnly(2015, 8, 1), date.Earliest);
        Assert.Equal(new DateOnly(2015, 8, 31), date.Latest);
    }

    [Fact]
    public void An_interval_runs_from_the_start_of_its_first_date_to_the_end_of_its_last()
    {
        var date = EdtfDate.Parse("2015-06/2015-09-02");

        Assert.True(date.IsInterval);
        Assert.Equal(new DateOnly(2015, 6, 1), date.Earliest);
        Assert.Equal(new DateOnly(2015, 9, 2), date.Latest);
    }

    [Theory]
    [InlineData("2015/2015")]
    [InlineData("2015-08-10/2015-08")]
    public void An_interval_whose_end_reaches_its_start_is_accepted(string text)
    {
        Assert.True(EdtfDate.Parse(text).IsInterval);
    }

    [Theory]
    [InlineData("  2015-08-30 ", "2015-08-30")]
    [InlineData("2015-06 / 2015-09~", "2015-06/2015-09~")]
    public void Whitespace_is_trimmed_from_the_text(string text, string normalised)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(normalised, date.Text);
        Assert.Equal(normalised, date.ToString());
    }

    [Theory]
    [InlineData("2015-08-30", "30 August 2015")]
    [InlineData("2015-08-03", "3 August 2015")]
    [InlineData("2015-08", "August 2015")]
    [InlineData("2015", "2015")]
    [InlineData("0800", "800")]
    [InlineData("2015-08~", "c. August 2015")]
    [InlineData("2015-08?", "August 2015?")]
    [InlineData("2015-08%", "c. August 2015?")]
    [InlineData("2015-06/2015-09-02", "June 2015 – 2 September 2015")]
    [InlineData("2015-06~/2015", "c. June 2015 – 2015")]
    public void Display_reads_as_English(string text, string display)
    {
        Assert.Equal(display, EdtfDate.Parse(text).ToDisplay());
    }

    [Fact]
    public void Display_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal("30 August 2015", EdtfDate.Parse("2015-08-30").ToDisplay());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Dates_with_the_same_text_are_equal()
    {
        Assert.Equal(EdtfDate.Parse("2015-08~"), EdtfDate.Parse(" 2015-08~"));
        Assert.NotEqual(EdtfDate.Parse("2015-08~"), EdtfDate.Parse("2015-08"));
    }

    [Theory]
    [InlineData("abc", "'abc' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.")]
    [InlineData("15", "'15' is not a date")]
    [InlineData("2015-8", "'2015-8' is not a date")]
    [InlineData("2015-08-30T10:00", "'2015-08-30T10:00' is not a date")]
    [InlineData("2015~?", "'2015~?' is not a date")]
    [InlineData("-2015", "'-2015' is not a date")]
    [InlineData("١٢٣٤", "'١٢٣٤' is not a date")]
    [InlineData("", "The date is empty")]
    [InlineData("   ", "The date is empty")]
    [InlineData("0000", "'0000' has year 0000; years run 0001-9999.")]
    [InlineData("2015-13", "'2015-13' has month 13; months run 01-12.")]
    [InlineData("2015-00", "'2015-00' has month 00; months run 01-12.")]
    [InlineData("2015-02-30", "'2015-02-30' is not a day in February 2015.")]
    [InlineData("2015-02-29", "'2015-02-29' is not a day in February 2015.")]
    [InlineData("2015-08-00", "'2015-08-00' is not a day in August 2015.")]
    [InlineData("2015-04-31", "'2015-04-31' is not a day in April 2015.")]
    [InlineData("2015-08/2015-06", "'2015-08/2015-06' ends before it starts.")]
    [InlineData("2015/2016-13", "'2016-13' has month 13")]
    [InlineData("2015-08/", "'2015-08/' has no end date")]
    [InlineData("/2015-08", "'/2015-08' has no start date")]
    [InlineData("2014/2015/2016", "'2014/2015/2016' has more than one '/'")]
    public void An_invalid_date_is_rejected_with_a_message_naming_the_bad_part(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => EdtfDate.Parse(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2015-13")]
    [InlineData("not a date")]
    public void TryParse_reports_an_invalid_date_without_throwing(string? text)
    {
        Assert.False(EdtfDate.TryParse(text, out var date, out var error));
        Assert.Null(date);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_returns_the_date_and_no_error_for_a_valid_date()
    {
        Assert.True(EdtfDate.TryParse("2015-08-30", out var date, out var error));
        Assert.Equal(new DateOnly(2015, 8, 30), date.Earliest);
        Assert.Null(error);
    }
}
