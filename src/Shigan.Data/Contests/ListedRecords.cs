namespace Shigan.Data.Contests;

/// <summary>
/// For sources small enough to list their records with each value (campaigns' households, projects): the records
/// behind one participant's value are those of the value computed again for that participant alone.
/// </summary>
internal static class ListedRecords
{
    public static async Task<IReadOnlyList<long>> ForAsync(IIndicatorSource source, ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        (await source.ComputeAsync(db, query with { Units = [unit] }, ct)).GetValueOrDefault(unit.RegionId)?.Records ?? [];
}
