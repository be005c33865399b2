using System.Globalization;

namespace Shigan.Core.Cases;

/// <summary>A time limit such as "3 working days" or "same day". A same-day limit carries no number (its value is 0).</summary>
public sealed record TimeLimit
{
    /// <summary>Nearly three years of days: anything longer is a typing slip, not a time limit.</summary>
    public const int MaxValue = 999;

    private TimeLimit(int value, TimeLimitUnit unit)
    {
        Value = value;
        Unit = unit;
    }

    public int Value { get; }

    public TimeLimitUnit Unit { get; }

    public static TimeLimit SameDay { get; } = new(0, TimeLimitUnit.SameDay);

    public static TimeLimit WorkingHours(int hours) => Of(hours, TimeLimitUnit.WorkingHours);

    public static TimeLimit WorkingDays(int days) => Of(days, TimeLimitUnit.WorkingDays);

    public static TimeLimit CalendarDays(int days) => Of(days, TimeLimitUnit.CalendarDays);

    /// <summary>Why a value and unit (as a category form or a stored row has them) is not a time limit, or null.</summary>
    public static string? Check(int value, TimeLimitUnit unit) =>
        !Enum.IsDefined(unit) ? "time-limit-unit-unknown"
        : unit == TimeLimitUnit.SameDay ? null
        : value < 1 ? "time-limit-not-positive"
        : value > MaxValue ? "time-limit-too-long"
        : null;

    /// <summary>The time limit for a stored value and unit; the value of a same-day limit is ignored.</summary>
    public static TimeLimit Of(int value, TimeLimitUnit unit)
    {
        if (Check(value, unit) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{problem}: {value} {unit}");
        }

        return unit == TimeLimitUnit.SameDay ? SameDay : new(value, unit);
    }

    public override string ToString() => Unit == TimeLimitUnit.SameDay
        ? "same day"
        : string.Create(CultureInfo.InvariantCulture, $"{Value} {Unit}");
}
