namespace Shigan.Core.Cases;

/// <summary>What is wrong with one day of a year's arrangement as entered.</summary>
public enum HolidayProblem
{
    /// <summary>The date is not in the year being configured.</summary>
    OutsideYear = 1,

    /// <summary>An earlier row already has this date.</summary>
    Repeated = 2,

    /// <summary>A make-up working day (调休上班) on a Monday to Friday, which is a working day anyway.</summary>
    WorkedOnWeekday = 3,
}

/// <summary>
/// The rules for one year's holiday arrangement as a county enters it from the State Council's notice. A holiday may
/// fall on a weekend (the notice lists whole periods, weekends included); a make-up working day is always a Saturday or
/// Sunday, which is what <see cref="WorkingCalendar"/> also demands.
/// </summary>
public static class HolidayRules
{
    // Wide enough for any notice a county will enter, narrow enough to catch a mistyped year.
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool IsConfigurableYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>The problems of each row, by its index; a repeated date is reported on the later rows, not the first.</summary>
    public static IReadOnlyList<(int Row, HolidayProblem Problem)> Check(int year, IReadOnlyList<(DateOnly Date, bool IsWorkingDay)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var problems = new List<(int, HolidayProblem)>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < days.Count; i++)
        {
            var (date, worked) = days[i];
            if (date.Year != year)
            {
                problems.Add((i, HolidayProblem.OutsideYear));
            }
            else if (!seen.Add(date))
            {
                problems.Add((i, HolidayProblem.Repeated));
            }
            else if (worked && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                problems.Add((i, HolidayProblem.WorkedOnWeekday));
            }
        }

        return problems;
    }
}
