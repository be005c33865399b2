namespace Shigan.Core.Contests;

/// <summary>
/// A participant's raw figure for one indicator (null: no data) and the records behind it: listed in
/// <see cref="Records"/> (judges' scores), or only counted in <see cref="RecordCount"/> when the source reads them on
/// demand (a province's cases are not copied into every sheet; the explanation asks the source for one participant's).
/// </summary>
public sealed record RawValue(decimal? Value, IReadOnlyList<long> Records, int? Judges = null, int? RecordCount = null)
{
    public static RawValue None { get; } = new(null, []);

    /// <summary>A computed zero with no record behind it, one shared value: most villages have no late case in a week.</summary>
    public static RawValue Zero { get; } = Counted(0m, 0);

    /// <summary>A computed figure whose <paramref name="count"/> records are read on demand.</summary>
    public static RawValue Counted(decimal? value, int count) => new(value, [], null, count);

    /// <summary>How many records lie behind the value, listed or not.</summary>
    public int Behind => RecordCount ?? Records.Count;
}
