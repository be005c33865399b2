using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// A figure the system computes from its own records for each participant and period. Each capability adds its own
/// (cases here; services, campaigns and projects as they land) with one line in <see cref="IndicatorSources.AddContestSources"/>.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>Stable key stored on indicators ("cases.late").</summary>
    string Code { get; }

    /// <summary>Chinese name, shown when defining a contest (and translated through the UI text).</summary>
    string Name { get; }

    /// <summary>The unit of the raw value ("件", "%", "分").</summary>
    string Unit { get; }

    /// <summary>The direction a contest usually gives it.</summary>
    Direction Direction { get; }

    /// <summary>What the record ids behind a value are: "case" links to /cases/{id}.</summary>
    string RecordKind { get; }

    /// <summary>What the records listed behind a value are ("逾期事件").</summary>
    string RecordsAre { get; }

    /// <summary>
    /// Raw values by participant for the period [fromUtc, toUtc), each with the number of records behind it (their ids
    /// are read by <see cref="RecordsAsync"/> when someone asks). A participant missing from the answer, or with a null
    /// value, has no data. Reads every unit's records: the caller has already checked that the contest is the actor's
    /// to compute. Aggregates in the database; indicators of one family share a read through <see cref="SourceQuery.Facts"/>.
    /// </summary>
    Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct);

    /// <summary>The ids of the records behind <paramref name="unit"/>'s value for the query's period, in id order.</summary>
    Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct);
}

/// <summary>The participants (unit id and path), the period and the time of computing (a deadline not reached is not late yet).</summary>
public sealed record SourceQuery(IReadOnlyList<SourceUnit> Units, DateTime FromUtc, DateTime ToUtc, DateTime NowUtc)
{
    /// <summary>What this computation has read so far; shared by every indicator of the sheet.</summary>
    public SourceFacts Facts { get; init; } = new();

    /// <summary>Cases fall due (and can be late) up to the end of the period or now, whichever comes first.</summary>
    public DateTime DueUntilUtc => ToUtc < NowUtc ? ToUtc : NowUtc;
}

public sealed record SourceUnit(int RegionId, string Path);
