namespace Shigan.Core.Cases;

/// <summary>Office hours of county and township offices: 08:30–12:00 and 13:30–17:30, China time.</summary>
public static class OfficeHours
{
    public static TimeOnly Open { get; } = new(8, 30);

    public static TimeOnly LunchStart { get; } = new(12, 0);

    public static TimeOnly LunchEnd { get; } = new(13, 30);

    public static TimeOnly Close { get; } = new(17, 30);

    /// <summary>The office time in one working day: 7.5 hours.</summary>
    public static TimeSpan PerDay { get; } = (LunchStart - Open) + (Close - LunchEnd);

    /// <summary>The two sessions of a working day, in order.</summary>
    public static IReadOnlyList<(TimeOnly Start, TimeOnly End)> Sessions { get; } = [(Open, LunchStart), (LunchEnd, Close)];
}
