namespace Shigan.Core.Contests;

/// <summary>A participant's raw figure for one indicator (null: no data) and the records behind it.</summary>
public sealed record RawValue(decimal? Value, IReadOnlyList<long> Records, int? Judges = null)
{
    public static RawValue None { get; } = new(null, []);
}
