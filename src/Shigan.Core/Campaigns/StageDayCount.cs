using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>
/// How many of a unit's targets in a campaign moved from one stage to another on a day (China time): the burn-up
/// chart's counter. Added to in the same transaction as the moves it counts (see ShiganDb), so the campaign page reads
/// a few thousand counters instead of replaying every move of the year. Derived from the moves, so not audited.
/// </summary>
public sealed class StageDayCount : IInRegion
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The moved targets' unit (a move's own path), so a township reads only its own counters.</summary>
    public required string RegionPath { get; set; }

    public DateOnly Day { get; set; }

    public int FromStage { get; set; }

    public int ToStage { get; set; }

    public int Count { get; set; }
}
