namespace Shigan.Core.Cases;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving). Deadlines are days and office hours in the county,
/// so every instant is read on this clock whatever offset it arrives with.
/// </summary>
public static class ChinaTime
{
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    public static TimeOnly EndOfDay { get; } = new(23, 59, 59);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);
}
