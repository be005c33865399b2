using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>
/// How many of a campaign's targets of one level stand at one stage under one parent (building), in one unit and
/// team, and how many people they house: the campaign page's counts per stage, unit, team and building. Kept in the
/// same transaction as every change of a target (see ShiganDb), so the page reads some thousands of counters instead
/// of grouping 100,000 households. Derived from the targets, so not audited; 0 stands for no parent or no team.
/// </summary>
public sealed class TargetCount : IInRegion
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public TargetLevel Level { get; set; }

    public long ParentId { get; set; }

    public int RegionId { get; set; }

    public required string RegionPath { get; set; }

    public int TeamId { get; set; }

    public int Stage { get; set; }

    public int Count { get; set; }

    public int People { get; set; }
}
