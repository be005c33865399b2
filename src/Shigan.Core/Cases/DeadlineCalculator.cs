namespace Shigan.Core.Cases;

/// <summary>
/// When a case is due, and whether it is late or nearly late. Day limits count from the day after the
/// report and end at the close of office hours (working days) or at midnight (calendar days).
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>The warning window for hour-based limits: half a working day.</summary>
    public static TimeSpan HoursWarning { get; } = TimeSpan.FromHours(4);

    public static DateTimeOffset Due(DateTimeOffset reportedAt, TimeLimit limit, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(calendar);
        return limit.Unit switch
        {
            TimeLimitUnit.WorkingHours => calendar.AddWorkingHours(reportedAt, limit.Value),
            TimeLimitUnit.WorkingDays => calendar.AddWorkingDays(reportedAt, limit.Value),
            TimeLimitUnit.CalendarDays => WorkingCalendar.AddCalendarDays(reportedAt, limit.Value),
            TimeLimitUnit.SameDay => SameDayClose(reportedAt, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown time limit unit."),
        };
    }

    /// <summary>Late once the deadline instant has passed; the deadline itself is still on time.</summary>
    public static bool IsLate(DateTimeOffset now, DateTimeOffset deadline) => now > deadline;

    /// <summary>
    /// Nearly late: not late yet, and no more than one working day of office time (7.5 hours) left — so a case
    /// due at 17:30 is nearly late from the close of the working day before, all through its last day.
    /// </summary>
    public static bool IsNearlyLate(DateTimeOffset now, DateTimeOffset deadline, WorkingCalendar calendar) =>
        IsNearlyLate(now, deadline, calendar, OfficeHours.PerDay);

    /// <summary>Nearly late with the warning window that suits the case's time limit (see <see cref="WarningWindow"/>).</summary>
    public static bool IsNearlyLate(DateTimeOffset now, DateTimeOffset deadline, WorkingCalendar calendar, TimeLimit limit) =>
        IsNearlyLate(now, deadline, calendar, WarningWindow(limit));

    /// <summary>
    /// One working day for day limits; four working hours for same-day limits; for hour limits four working
    /// hours but never more than half the limit, so a short limit is not flagged from the moment it starts.
    /// </summary>
    public static TimeSpan WarningWindow(TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return limit.Unit switch
        {
            TimeLimitUnit.WorkingHours => TimeSpan.FromHours(Math.Min(HoursWarning.TotalHours, limit.Value / 2.0)),
            TimeLimitUnit.SameDay => HoursWarning,
            _ => OfficeHours.PerDay,
        };
    }

    private static bool IsNearlyLate(DateTimeOffset now, DateTimeOffset deadline, WorkingCalendar calendar, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return !IsLate(now, deadline) && calendar.WorkingTimeBetween(now, deadline) <= window;
    }

    /// <summary>
    /// 17:30 on the day of the report if that is a working day and the office has not closed (a report before
    /// opening or during lunch still has the afternoon); otherwise 17:30 on the next working day.
    /// </summary>
    private static DateTimeOffset SameDayClose(DateTimeOffset reportedAt, WorkingCalendar calendar)
    {
        var date = ChinaTime.DateOf(reportedAt);
        return calendar.IsWorkingDay(date) && ChinaTime.TimeOf(reportedAt) < OfficeHours.Close
            ? ChinaTime.At(date, OfficeHours.Close)
            : calendar.AddWorkingDays(reportedAt, 1);
    }
}
