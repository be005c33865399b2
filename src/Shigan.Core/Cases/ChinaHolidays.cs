namespace Shigan.Core.Cases;

/// <summary>
/// The official holiday arrangements shipped as defaults. Each year's comes from the State Council's notice
/// (国务院办公厅关于某年部分节假日安排的通知), published around November of the year before; a later year is
/// added here or configured by the county when its notice is out.
/// </summary>
public static class ChinaHolidays
{
    /// <summary>The 2026 holidays (notice of November 2025), weekends inside them included.</summary>
    public static IReadOnlyList<HolidayPeriod> Holidays2026 { get; } =
    [
        new("元旦", new(2026, 1, 1), new(2026, 1, 3)),
        new("春节", new(2026, 2, 15), new(2026, 2, 23)),
        new("清明节", new(2026, 4, 4), new(2026, 4, 6)),
        new("劳动节", new(2026, 5, 1), new(2026, 5, 5)),
        new("端午节", new(2026, 6, 19), new(2026, 6, 21)),
        new("中秋节", new(2026, 9, 25), new(2026, 9, 27)),
        new("国庆节", new(2026, 10, 1), new(2026, 10, 7)),
    ];

    /// <summary>The weekend days worked in exchange (调休上班) in 2026.</summary>
    public static IReadOnlyList<DateOnly> MakeUpWorkingDays2026 { get; } =
    [
        new(2026, 1, 4),
        new(2026, 2, 14),
        new(2026, 2, 28),
        new(2026, 5, 9),
        new(2026, 9, 20),
        new(2026, 10, 10),
    ];

    public static WorkingCalendar Calendar2026 { get; } =
        new(Holidays2026.SelectMany(h => h.Days()), MakeUpWorkingDays2026);
}
