using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>One judge's on-site score (现场观摩) of one participant on one indicator in one period. Entered once.</summary>
public sealed class JudgeScore : IInRegion, IAppendOnly
{
    public long Id { get; set; }

    public int ContestId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>The participant scored.</summary>
    public int ParticipantRegionId { get; set; }

    public required string JudgeId { get; set; }

    public required string JudgeName { get; set; }

    public decimal Score { get; set; }

    public DateTime AtUtc { get; set; }

    public required string RegionPath { get; set; }
}
