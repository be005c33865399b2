using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// How many cases of a township stand on a platform in a status: the dashboard's counter, kept by the database in the
/// same transaction as every change of a case, so the county's figures are a read of a few hundred rows, not a count of
/// every case. Not a unit's record of its own (no audit, no scope check on write): it is derived from the cases.
/// </summary>
public sealed class CaseCount
{
    /// <summary>The township's path ("330822000000/330822111000/"); cases at or below it count here.</summary>
    public required string TownshipPath { get; set; }

    public Platform Platform { get; set; }

    public CaseStatus Status { get; set; }

    public long Count { get; set; }
}
