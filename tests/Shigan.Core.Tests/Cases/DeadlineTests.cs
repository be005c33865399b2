using Shigan.Core.Cases;
using static Shigan.Core.Tests.Cases.China;

namespace Shigan.Core.Tests.Cases;

/// <summary>When a case is due under each kind of time limit, and when it shows as late or nearly late.</summary>
public sealed class DeadlineTests
{
    private static DateTimeOffset Due(DateTimeOffset reportedAt, TimeLimit limit) =>
        DeadlineCalculator.Due(reportedAt, limit, Calendar);

    [Fact]
    public void Working_days_count_from_the_next_working_day_and_end_at_its_close()
    {
        // Tuesday morning, 3 working days: Wednesday, Thursday, Friday.
        Assert.Equal(At(3, 13, 17, 30), Due(At(3, 10, 9), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void Complaints_with_13_working_days_run_past_the_weekends()
    {
        Assert.Equal(At(3, 27, 17, 30), Due(At(3, 10, 9), TimeLimit.WorkingDays(13)));
    }

    [Fact]
    public void A_report_at_half_past_twelve_is_due_the_same_afternoon_or_in_office_hours_after_lunch()
    {
        var lunchtime = At(3, 10, 12, 30);

        Assert.Equal(At(3, 10, 17, 30), Due(lunchtime, TimeLimit.SameDay));
        Assert.Equal(At(3, 10, 15, 30), Due(lunchtime, TimeLimit.WorkingHours(2)));
        Assert.Equal(At(3, 11, 17, 30), Due(lunchtime, TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void A_report_at_a_quarter_to_six_is_due_the_next_working_day()
    {
        var afterClose = At(3, 10, 17, 45);

        Assert.Equal(At(3, 11, 17, 30), Due(afterClose, TimeLimit.SameDay));
        Assert.Equal(At(3, 11, 10, 30), Due(afterClose, TimeLimit.WorkingHours(2)));
        Assert.Equal(At(3, 11, 17, 30), Due(afterClose, TimeLimit.WorkingDays(1)));
        Assert.Equal(At(3, 11, 23, 59, 59), Due(afterClose, TimeLimit.CalendarDays(1)));
    }

    [Fact]
    public void A_same_day_case_reported_before_opening_is_due_that_evening()
    {
        Assert.Equal(At(3, 10, 17, 30), Due(At(3, 10, 7, 15), TimeLimit.SameDay));
    }

    [Fact]
    public void A_report_on_a_make_up_saturday_is_handled_as_on_any_working_day()
    {
        var saturday = At(2, 28, 10);

        Assert.Equal(At(2, 28, 17, 30), Due(saturday, TimeLimit.SameDay));
        Assert.Equal(At(2, 28, 15, 30), Due(saturday, TimeLimit.WorkingHours(4)));
        Assert.Equal(At(3, 2, 17, 30), Due(saturday, TimeLimit.WorkingDays(1)));   // Sunday 1 March is off
    }

    [Fact]
    public void A_report_on_a_plain_weekend_waits_for_monday()
    {
        var sunday = At(3, 8, 10);

        Assert.Equal(At(3, 9, 17, 30), Due(sunday, TimeLimit.SameDay));
        Assert.Equal(At(3, 9, 10, 30), Due(sunday, TimeLimit.WorkingHours(2)));
        Assert.Equal(At(3, 9, 17, 30), Due(sunday, TimeLimit.WorkingDays(1)));
        Assert.Equal(At(3, 9, 23, 59, 59), Due(sunday, TimeLimit.CalendarDays(1)));
    }

    [Fact]
    public void A_report_on_the_eve_of_spring_festival_is_due_after_the_holiday()
    {
        // Friday 13 February: Saturday 14th is worked, 15th–23rd are off.
        Assert.Equal(At(2, 25, 17, 30), Due(At(2, 13, 16), TimeLimit.WorkingDays(3)));
        Assert.Equal(At(2, 14, 17, 30), Due(At(2, 13, 16), TimeLimit.WorkingDays(1)));
        Assert.Equal(At(2, 14, 10, 0), Due(At(2, 13, 16), TimeLimit.WorkingHours(3)));
        // On New Year's Eve (除夕) itself, a holiday:
        Assert.Equal(At(2, 24, 17, 30), Due(At(2, 16, 10), TimeLimit.SameDay));
        Assert.Equal(At(2, 19, 23, 59, 59), Due(At(2, 16, 10), TimeLimit.CalendarDays(3)));
    }

    [Fact]
    public void Calendar_days_ignore_holidays_and_end_at_midnight()
    {
        Assert.Equal(At(10, 3, 23, 59, 59), Due(At(9, 30, 9), TimeLimit.CalendarDays(3)));
    }

    [Fact]
    public void A_case_is_late_only_after_its_deadline_has_passed()
    {
        var deadline = At(3, 13, 17, 30);

        Assert.False(DeadlineCalculator.IsLate(At(3, 13, 17, 29), deadline));
        Assert.False(DeadlineCalculator.IsLate(deadline, deadline));
        Assert.True(DeadlineCalculator.IsLate(At(3, 13, 17, 30, 1), deadline));
    }

    [Fact]
    public void A_case_due_at_the_close_is_nearly_late_all_through_its_last_working_day()
    {
        var deadline = At(3, 13, 17, 30);   // Friday

        Assert.False(DeadlineCalculator.IsNearlyLate(At(3, 12, 17), deadline, Calendar));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 12, 17, 30), deadline, Calendar));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 12, 20), deadline, Calendar));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 13, 17, 29), deadline, Calendar));
        Assert.False(DeadlineCalculator.IsNearlyLate(At(3, 13, 17, 31), deadline, Calendar));   // late, not nearly
    }

    [Fact]
    public void A_case_due_on_monday_is_nearly_late_from_friday_evening_not_from_friday_morning()
    {
        var deadline = At(3, 16, 17, 30);

        Assert.False(DeadlineCalculator.IsNearlyLate(At(3, 13, 9), deadline, Calendar));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 14, 12), deadline, Calendar));
    }

    [Fact]
    public void Hour_limits_warn_in_the_last_four_working_hours_or_the_last_half_of_a_short_limit()
    {
        var eightHours = TimeLimit.WorkingHours(8);
        var deadline = Due(At(3, 10, 9), eightHours);   // 3/11 09:30

        Assert.Equal(At(3, 11, 9, 30), deadline);
        Assert.False(DeadlineCalculator.IsNearlyLate(At(3, 10, 14), deadline, Calendar, eightHours));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 10, 15), deadline, Calendar, eightHours));

        var twoHours = TimeLimit.WorkingHours(2);
        var soon = Due(At(3, 10, 9), twoHours);   // 11:00
        Assert.False(DeadlineCalculator.IsNearlyLate(At(3, 10, 9, 30), soon, Calendar, twoHours));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 10, 10), soon, Calendar, twoHours));
    }

    [Fact]
    public void Same_day_cases_warn_in_the_afternoon_and_day_limits_a_working_day_ahead()
    {
        Assert.Equal(TimeSpan.FromHours(4), DeadlineCalculator.WarningWindow(TimeLimit.SameDay));
        Assert.Equal(TimeSpan.FromHours(7.5), DeadlineCalculator.WarningWindow(TimeLimit.WorkingDays(3)));
        Assert.Equal(TimeSpan.FromHours(7.5), DeadlineCalculator.WarningWindow(TimeLimit.CalendarDays(3)));
        Assert.True(DeadlineCalculator.IsNearlyLate(At(3, 10, 13, 30), At(3, 10, 17, 30), Calendar, TimeLimit.SameDay));
        Assert.False(DeadlineCalculator.IsNearlyLate(At(3, 10, 11), At(3, 10, 17, 30), Calendar, TimeLimit.SameDay));
    }

    [Theory]
    [InlineData(0, TimeLimitUnit.WorkingDays, "time-limit-not-positive")]
    [InlineData(-3, TimeLimitUnit.WorkingHours, "time-limit-not-positive")]
    [InlineData(1000, TimeLimitUnit.CalendarDays, "time-limit-too-long")]
    [InlineData(3, (TimeLimitUnit)42, "time-limit-unit-unknown")]
    [InlineData(999, TimeLimitUnit.CalendarDays, null)]
    [InlineData(1, TimeLimitUnit.WorkingHours, null)]
    [InlineData(0, TimeLimitUnit.SameDay, null)]
    public void A_category_form_is_told_what_is_wrong_with_its_time_limit(int value, TimeLimitUnit unit, string? problem)
    {
        Assert.Equal(problem, TimeLimit.Check(value, unit));
        if (problem is null)
        {
            Assert.Equal(unit, TimeLimit.Of(value, unit).Unit);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Of(value, unit));
        }
    }

    [Fact]
    public void Time_limits_compare_by_value_and_unit_and_a_same_day_limit_has_no_number()
    {
        Assert.Equal(TimeLimit.WorkingDays(3), TimeLimit.Of(3, TimeLimitUnit.WorkingDays));
        Assert.NotEqual(TimeLimit.WorkingDays(3), TimeLimit.CalendarDays(3));
        Assert.Equal(TimeLimit.SameDay, TimeLimit.Of(5, TimeLimitUnit.SameDay));
        Assert.Equal(0, TimeLimit.SameDay.Value);
    }
}
