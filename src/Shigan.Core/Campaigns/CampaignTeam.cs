using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>A working team (工作组) of a campaign, in one unit; targets are assigned to it.</summary>
public sealed class CampaignTeam : IInRegion
{
    public const int NameMaxLength = 32;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public required string Name { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    public List<CampaignTeamMember> Members { get; set; } = [];
}
