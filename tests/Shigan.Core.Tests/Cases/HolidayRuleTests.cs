using Shigan.Core.Cases;

namespace Shigan.Core.Tests.Cases;

/// <summary>A year's holiday arrangement as a county enters it: days in the year, each once, make-up days on weekends.</summary>
public sealed class HolidayRuleTests
{
    private static (DateOnly, bool) Off(int year, int month, int day) => (new DateOnly(year, month, day), false);

    private static (DateOnly, bool) Worked(int year, int month, int day) => (new DateOnly(year, month, day), true);

    [Fact]
    public void The_official_2026_arrangement_passes_as_it_is_seeded()
    {
        var days = ChinaHolidays.Holidays2026.SelectMany(h => h.Days()).Select(d => (d, false))
            .Concat(ChinaHolidays.MakeUpWorkingDays2026.Select(d => (d, true)))
            .ToList();

        Assert.Empty(HolidayRules.Check(2026, days));
    }

    [Fact]
    public void A_holiday_may_fall_on_a_weekend_as_whole_periods_in_the_notice_do()
    {
        // National Day 2027 as a notice would print it: Friday 1 to Thursday 7 October, its weekend included.
        var days = Enumerable.Range(1, 7).Select(d => Off(2027, 10, d)).ToList();

        Assert.Contains(days, d => d.Item1.DayOfWeek == DayOfWeek.Saturday);
        Assert.Empty(HolidayRules.Check(2027, days));
    }

    [Theory]
    [InlineData(2027, 10, 9)] // Saturday
    [InlineData(2027, 9, 26)] // Sunday
    public void A_make_up_working_day_on_a_weekend_is_accepted(int year, int month, int day)
    {
        Assert.Empty(HolidayRules.Check(year, [Worked(year, month, day)]));
    }

    [Fact]
    public void A_make_up_working_day_on_a_weekday_is_refused_on_its_row()
    {
        // Friday 8 October 2027 is a working day anyway: listing it as worked is a slip for another date.
        var problems = HolidayRules.Check(2027, [Off(2027, 10, 1), Worked(2027, 10, 8)]);

        Assert.Equal([(1, HolidayProblem.WorkedOnWeekday)], problems);
    }

    [Fact]
    public void A_date_of_another_year_is_refused_on_its_row()
    {
        var problems = HolidayRules.Check(2027, [Off(2027, 1, 1), Off(2026, 12, 31), Off(2028, 1, 1)]);

        Assert.Equal([(1, HolidayProblem.OutsideYear), (2, HolidayProblem.OutsideYear)], problems);
    }

    [Fact]
    public void A_date_listed_twice_is_refused_on_the_later_rows_whether_off_or_worked()
    {
        var problems = HolidayRules.Check(2027, [Off(2027, 10, 1), Off(2027, 10, 2), Off(2027, 10, 1), Worked(2027, 10, 1)]);

        Assert.Equal([(2, HolidayProblem.Repeated), (3, HolidayProblem.Repeated)], problems);
    }

    [Fact]
    public void An_empty_year_is_valid_its_deadlines_then_skip_only_weekends()
    {
        Assert.Empty(HolidayRules.Check(2027, []));
    }

    [Fact]
    public void Every_arrangement_the_rules_pass_builds_a_working_calendar()
    {
        // The calendar refuses what the rules refuse: a page that saved a bad year would break every deadline.
        var days = new[] { Off(2027, 10, 1), Off(2027, 10, 2), Worked(2027, 9, 26), Worked(2027, 10, 9) };
        Assert.Empty(HolidayRules.Check(2027, days));

        var calendar = new WorkingCalendar(days.Where(d => !d.Item2).Select(d => d.Item1), days.Where(d => d.Item2).Select(d => d.Item1));

        Assert.True(calendar.Covers(2027));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 10, 9)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 1)));
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2027, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    [InlineData(20277, false)]
    public void Only_plausible_years_can_be_configured(int year, bool configurable)
    {
        Assert.Equal(configurable, HolidayRules.IsConfigurableYear(year));
    }
}
