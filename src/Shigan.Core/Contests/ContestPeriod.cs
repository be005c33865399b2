using System.Globalization;
using Shigan.Core.Cases;

namespace Shigan.Core.Contests;

/// <summary>A period's boundaries: weeks from Monday, months from the first, both at midnight China time.</summary>
public static class ContestPeriod
{
    /// <summary>The start of the period that contains <paramref name="date"/>.</summary>
    public static DateOnly StartOf(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        PeriodKind.Month => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsStart(PeriodKind kind, DateOnly date) => StartOf(kind, date) == date;

    /// <summary>The first day of the next period.</summary>
    public static DateOnly EndOf(PeriodKind kind, DateOnly start) => kind == PeriodKind.Week ? start.AddDays(7) : start.AddMonths(1);

    public static DateOnly Previous(PeriodKind kind, DateOnly start) => kind == PeriodKind.Week ? start.AddDays(-7) : start.AddMonths(-1);

    /// <summary>The period as instants: [from, to) in UTC.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) UtcRange(PeriodKind kind, DateOnly start) =>
        (ChinaTime.StartOf(start).UtcDateTime, ChinaTime.StartOf(EndOf(kind, start)).UtcDateTime);

    /// <summary>"2026-W12" or "2026-03": short, sortable, the same in every language.</summary>
    public static string Label(PeriodKind kind, DateOnly start) => kind == PeriodKind.Week
        ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}")
        : start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"03-16 – 03-22": the days it covers.</summary>
    public static string Days(PeriodKind kind, DateOnly start) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:MM-dd} – {EndOf(kind, start).AddDays(-1):MM-dd}");
}
