using Shigan.Core.Cases;

namespace Shigan.Core.Tests.Cases;

/// <summary>Instants on the county's clock, written as a clerk would read them off the wall.</summary>
internal static class China
{
    public static WorkingCalendar Calendar => ChinaHolidays.Calendar2026;

    public static DateTimeOffset At(int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public static DateOnly Day(int month, int day) => new(2026, month, day);
}
