namespace Shigan.Core.Cases;

/// <summary>
/// Which days are worked: Monday to Friday, minus the public holidays, plus the weekend days worked in
/// exchange (调休上班日). Built from plain lists of dates so each year's arrangement can be configured.
/// A year with no holiday listed is not covered: its days fall back to plain weekends, and
/// <see cref="Covers"/> lets the caller warn that the year's arrangement is missing.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> makeUpWorkingDays;
    private readonly HashSet<int> years;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        this.holidays = [.. holidays];
        this.makeUpWorkingDays = [.. makeUpWorkingDays];

        // Both mistakes are typing slips in a configured list; silently taking them would shift deadlines.
        if (this.holidays.Intersect(this.makeUpWorkingDays).Order().ToList() is [var both, ..])
        {
            throw new ArgumentException($"{both:yyyy-MM-dd} is listed both as a holiday and as a make-up working day.", nameof(makeUpWorkingDays));
        }

        if (this.makeUpWorkingDays.Where(d => !IsWeekend(d)).Order().ToList() is [var weekday, ..])
        {
            throw new ArgumentException($"{weekday:yyyy-MM-dd} is a {weekday.DayOfWeek}: a make-up working day is a Saturday or Sunday.", nameof(makeUpWorkingDays));
        }

        years = [.. this.holidays.Select(d => d.Year)];
    }

    /// <summary>The default: the official 2026 arrangement.</summary>
    public static WorkingCalendar Default => ChinaHolidays.Calendar2026;

    /// <summary>The years whose holiday arrangement this calendar knows.</summary>
    public IReadOnlyCollection<int> Years => years;

    public bool Covers(int year) => years.Contains(year);

    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkingDays.Contains(date) || (!IsWeekend(date) && !holidays.Contains(date));

    /// <summary>True during office hours of a working day (opening time included, closing time not).</summary>
    public bool IsOfficeTime(DateTimeOffset instant)
    {
        var time = ChinaTime.TimeOf(instant);
        return IsWorkingDay(ChinaTime.DateOf(instant))
            && OfficeHours.Sessions.Any(s => time >= s.Start && time < s.End);
    }

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="date"/> (the date itself never counts).</summary>
    public DateOnly NthWorkingDayAfter(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var day = date;
        for (var found = 0; found < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                found++;
            }
        }

        return day;
    }

    /// <summary>
    /// The close of office hours (17:30) on the <paramref name="n"/>-th working day after the day of
    /// <paramref name="start"/>: the day something arrives is never counted, whatever the hour.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int n) =>
        ChinaTime.At(NthWorkingDayAfter(ChinaTime.DateOf(start), n), OfficeHours.Close);

    /// <summary>
    /// The instant when <paramref name="hours"/> of office time have passed since <paramref name="start"/>;
    /// a start outside office hours counts from the next opening. Time used up exactly at 12:00 or 17:30
    /// ends there, not at the next opening.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        return AddWorkingTime(start, TimeSpan.FromHours(hours));
    }

    /// <inheritdoc cref="AddWorkingHours"/>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(amount, TimeSpan.Zero);
        var left = amount;
        var date = ChinaTime.DateOf(start);
        var time = ChinaTime.TimeOf(start).ToTimeSpan();
        for (; ; date = date.AddDays(1), time = TimeSpan.Zero)
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (open, close) in OfficeHours.Sessions)
            {
                var end = close.ToTimeSpan();
                if (time >= end)
                {
                    continue;
                }

                var from = time > open.ToTimeSpan() ? time : open.ToTimeSpan();
                if (left <= end - from)
                {
                    return ChinaTime.StartOf(date) + from + left;
                }

                left -= end - from;
                time = end;
            }
        }
    }

    /// <summary>
    /// The last second (23:59:59) of the <paramref name="n"/>-th calendar day after the day of <paramref name="start"/>.
    /// Static because holidays do not stop calendar days.
    /// </summary>
    public static DateTimeOffset AddCalendarDays(DateTimeOffset start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return ChinaTime.At(ChinaTime.DateOf(start).AddDays(n), ChinaTime.EndOfDay);
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, NthWorkingDayAfter(d, n)) == n</c>; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The office time between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var date = ChinaTime.DateOf(from); date <= ChinaTime.DateOf(to); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (open, close) in OfficeHours.Sessions)
            {
                var start = Max(ChinaTime.At(date, open), from);
                var end = Min(ChinaTime.At(date, close), to);
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
