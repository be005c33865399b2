using Shigan.Core.Cases;
using static Shigan.Core.Tests.Cases.China;

namespace Shigan.Core.Tests.Cases;

/// <summary>Working days under the 2026 arrangement, office hours, and counting in both.</summary>
public sealed class WorkingCalendarTests
{
    public static TheoryData<string, int, int, int, int, DayOfWeek, DayOfWeek> Holidays2026 => new()
    {
        // As the State Council notice prints them: first and last day off, with their weekdays.
        { "元旦", 1, 1, 1, 3, DayOfWeek.Thursday, DayOfWeek.Saturday },
        { "春节", 2, 15, 2, 23, DayOfWeek.Sunday, DayOfWeek.Monday },
        { "清明节", 4, 4, 4, 6, DayOfWeek.Saturday, DayOfWeek.Monday },
        { "劳动节", 5, 1, 5, 5, DayOfWeek.Friday, DayOfWeek.Tuesday },
        { "端午节", 6, 19, 6, 21, DayOfWeek.Friday, DayOfWeek.Sunday },
        { "中秋节", 9, 25, 9, 27, DayOfWeek.Friday, DayOfWeek.Sunday },
        { "国庆节", 10, 1, 10, 7, DayOfWeek.Thursday, DayOfWeek.Wednesday },
    };

    [Theory]
    [MemberData(nameof(Holidays2026))]
    public void Every_day_of_each_2026_holiday_is_off_and_the_days_around_it_fall_on_the_weekdays_the_notice_names(
        string name, int firstMonth, int firstDay, int lastMonth, int lastDay, DayOfWeek firstWeekday, DayOfWeek lastWeekday)
    {
        var first = Day(firstMonth, firstDay);
        var last = Day(lastMonth, lastDay);

        Assert.Equal((firstWeekday, lastWeekday), (first.DayOfWeek, last.DayOfWeek));
        Assert.Contains(ChinaHolidays.Holidays2026, h => h.Name == name && h.First == first && h.Last == last);
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(d), $"{name} {d}");
        }
    }

    [Fact]
    public void The_2026_arrangement_gives_33_days_off_in_seven_holidays()
    {
        Assert.Equal(7, ChinaHolidays.Holidays2026.Count);
        Assert.Equal(33, ChinaHolidays.Holidays2026.Sum(h => h.Days().Count()));
    }

    [Theory]
    [InlineData(1, 4, DayOfWeek.Sunday)]
    [InlineData(2, 14, DayOfWeek.Saturday)]
    [InlineData(2, 28, DayOfWeek.Saturday)]
    [InlineData(5, 9, DayOfWeek.Saturday)]
    [InlineData(9, 20, DayOfWeek.Sunday)]
    [InlineData(10, 10, DayOfWeek.Saturday)]
    public void The_weekend_days_worked_in_exchange_in_2026_are_working_days(int month, int day, DayOfWeek weekday)
    {
        Assert.Equal(weekday, Day(month, day).DayOfWeek);
        Assert.True(Calendar.IsWorkingDay(Day(month, day)));
    }

    [Fact]
    public void Only_the_six_make_up_days_are_worked_at_weekends_in_2026()
    {
        var weekendsWorked = Enumerable.Range(0, 365)
            .Select(i => Day(1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && Calendar.IsWorkingDay(d));

        Assert.Equal(ChinaHolidays.MakeUpWorkingDays2026, weekendsWorked);
    }

    [Fact]
    public void Ordinary_weekdays_are_worked_and_ordinary_weekends_are_not()
    {
        Assert.True(Calendar.IsWorkingDay(Day(3, 10)));   // Tuesday
        Assert.True(Calendar.IsWorkingDay(Day(3, 13)));   // Friday
        Assert.False(Calendar.IsWorkingDay(Day(3, 7)));   // Saturday
        Assert.False(Calendar.IsWorkingDay(Day(3, 8)));   // Sunday
    }

    [Fact]
    public void There_are_248_working_days_in_2026()
    {
        // 261 weekdays, 33 days off of which 19 are weekdays, and 6 weekend days worked: 261 - 19 + 6.
        Assert.Equal(248, Calendar.WorkingDaysBetween(new DateOnly(2025, 12, 31), Day(12, 31)));
    }

    [Fact]
    public void A_year_without_an_arrangement_is_not_covered_and_falls_back_to_plain_weekends()
    {
        Assert.True(Calendar.Covers(2026));
        Assert.False(Calendar.Covers(2027));
        Assert.Equal([2026], Calendar.Years);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));   // a Friday; 元旦 2027 is not configured
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
    }

    [Fact]
    public void A_county_can_configure_another_year_from_plain_lists_of_dates()
    {
        var calendar = new WorkingCalendar([new DateOnly(2027, 1, 1)], [new DateOnly(2027, 1, 2)]);

        Assert.True(calendar.Covers(2027));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
    }

    [Fact]
    public void A_date_listed_both_as_holiday_and_as_make_up_day_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar([Day(2, 14)], [Day(2, 14)]));
        Assert.Contains("2026-02-14", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_make_up_working_day_on_a_weekday_is_refused_as_a_typing_slip()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar([], [Day(2, 13)]));
        Assert.Contains("2026-02-13", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 29, false)]
    [InlineData(8, 30, true)]
    [InlineData(11, 59, true)]
    [InlineData(12, 0, false)]
    [InlineData(12, 30, false)]
    [InlineData(13, 30, true)]
    [InlineData(17, 29, true)]
    [InlineData(17, 30, false)]
    [InlineData(17, 45, false)]
    public void Office_hours_are_half_past_eight_to_noon_and_half_past_one_to_half_past_five(int hour, int minute, bool open)
    {
        Assert.Equal(open, Calendar.IsOfficeTime(At(3, 10, hour, minute)));
    }

    [Fact]
    public void Office_hours_are_read_on_the_china_clock_whatever_offset_the_instant_carries()
    {
        var tenInTheMorningInChangshan = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

        Assert.True(Calendar.IsOfficeTime(tenInTheMorningInChangshan));
        Assert.Equal(At(3, 10, 12, 0), Calendar.AddWorkingHours(tenInTheMorningInChangshan, 2));
        Assert.Equal(TimeSpan.FromHours(8), Calendar.AddWorkingHours(tenInTheMorningInChangshan, 2).Offset);
    }

    [Fact]
    public void There_is_no_office_time_on_a_holiday_or_a_plain_weekend_but_there_is_on_a_make_up_saturday()
    {
        Assert.False(Calendar.IsOfficeTime(At(2, 16, 10)));   // 除夕
        Assert.False(Calendar.IsOfficeTime(At(3, 7, 10)));    // a plain Saturday
        Assert.True(Calendar.IsOfficeTime(At(2, 14, 10)));    // make-up Saturday
    }

    [Theory]
    [InlineData(8, 30, 1, 3, 10, 9, 30)]     // from opening
    [InlineData(10, 0, 2, 3, 10, 12, 0)]     // used up exactly at noon: ends at noon, not at 13:30
    [InlineData(11, 0, 2, 3, 10, 14, 30)]    // over lunch
    [InlineData(12, 30, 1, 3, 10, 14, 30)]   // during lunch: counts from 13:30
    [InlineData(12, 30, 2, 3, 10, 15, 30)]
    [InlineData(7, 0, 1, 3, 10, 9, 30)]      // before opening: counts from 08:30
    [InlineData(16, 30, 1, 3, 10, 17, 30)]   // used up exactly at the close
    [InlineData(17, 0, 2, 3, 11, 10, 0)]     // overnight
    [InlineData(17, 45, 2, 3, 11, 10, 30)]   // after the close: counts from next morning
    [InlineData(9, 0, 8, 3, 11, 9, 30)]      // a full day is 7.5 hours
    public void Working_hours_count_only_office_time(int hour, int minute, int hours, int month, int day, int endHour, int endMinute)
    {
        Assert.Equal(At(month, day, endHour, endMinute), Calendar.AddWorkingHours(At(3, 10, hour, minute), hours));
    }

    [Fact]
    public void Working_hours_from_friday_evening_run_on_monday()
    {
        Assert.Equal(At(3, 16, 10, 30), Calendar.AddWorkingHours(At(3, 13, 18), 2));
    }

    [Fact]
    public void Working_hours_on_the_make_up_saturday_before_spring_festival_carry_over_to_the_day_after_it()
    {
        // One hour left on Saturday 14 February, then nine days off, then three hours on Tuesday the 24th.
        Assert.Equal(At(2, 24, 11, 30), Calendar.AddWorkingHours(At(2, 14, 16, 30), 4));
    }

    [Fact]
    public void Working_days_end_at_the_close_of_the_nth_working_day_after_the_day_of_arrival()
    {
        Assert.Equal(At(3, 11, 17, 30), Calendar.AddWorkingDays(At(3, 10, 9), 1));
        Assert.Equal(At(3, 11, 17, 30), Calendar.AddWorkingDays(At(3, 10, 17, 45), 1));
        Assert.Equal(At(3, 13, 17, 30), Calendar.AddWorkingDays(At(3, 10, 0, 5), 3));
        Assert.Equal(At(3, 16, 17, 30), Calendar.AddWorkingDays(At(3, 13, 10), 1));   // Friday → Monday
    }

    [Fact]
    public void Working_days_skip_the_national_day_week_and_count_its_make_up_saturday()
    {
        // After Wednesday 30 September: 1–7 October off, Thursday 8 and Friday 9 worked, Saturday 10 worked.
        Assert.Equal(Day(10, 10), Calendar.NthWorkingDayAfter(Day(9, 30), 3));
        Assert.Equal(Day(10, 12), Calendar.NthWorkingDayAfter(Day(9, 30), 4));
    }

    [Fact]
    public void Calendar_days_end_at_the_last_second_of_the_nth_day_holidays_or_not()
    {
        Assert.Equal(At(3, 13, 23, 59, 59), WorkingCalendar.AddCalendarDays(At(3, 10, 10), 3));
        Assert.Equal(At(10, 3, 23, 59, 59), WorkingCalendar.AddCalendarDays(At(9, 30, 23, 30), 3));
    }

    [Fact]
    public void Working_days_between_two_dates_count_the_later_one_and_not_the_earlier()
    {
        Assert.Equal(1, Calendar.WorkingDaysBetween(Day(3, 10), Day(3, 11)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(Day(3, 10), Day(3, 10)));
        Assert.Equal(5, Calendar.WorkingDaysBetween(Day(3, 6), Day(3, 13)));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(Day(3, 13), Day(3, 6)));
    }

    [Fact]
    public void From_the_friday_before_spring_festival_to_the_wednesday_after_it_is_three_working_days()
    {
        // Saturday 14 (make-up), Tuesday 24, Wednesday 25; 15–23 off.
        Assert.Equal(3, Calendar.WorkingDaysBetween(Day(2, 13), Day(2, 25)));
    }

    [Fact]
    public void Working_days_between_undoes_adding_working_days()
    {
        for (var n = 1; n <= 40; n++)
        {
            Assert.Equal(n, Calendar.WorkingDaysBetween(Day(1, 30), Calendar.NthWorkingDayAfter(Day(1, 30), n)));
        }
    }

    [Fact]
    public void Office_time_between_two_instants_skips_nights_lunch_and_days_off()
    {
        Assert.Equal(TimeSpan.FromHours(1.5), Calendar.WorkingTimeBetween(At(3, 10, 11), At(3, 10, 14)));
        Assert.Equal(TimeSpan.FromHours(7.5), Calendar.WorkingTimeBetween(At(3, 10, 17, 30), At(3, 11, 17, 30)));
        Assert.Equal(TimeSpan.FromHours(1), Calendar.WorkingTimeBetween(At(3, 13, 17), At(3, 16, 9)));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(At(2, 15, 0), At(2, 23, 23)));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(At(3, 11), At(3, 10)));
    }

    [Fact]
    public void Counting_nothing_or_less_is_refused_rather_than_guessed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(At(3, 10), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(At(3, 10), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.AddCalendarDays(At(3, 10), -1));
    }
}
