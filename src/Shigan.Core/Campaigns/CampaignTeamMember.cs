using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>A member of a team: an account (so "my targets" can be shown first) or, for cadres without one, a name.</summary>
public sealed class CampaignTeamMember : IInRegion
{
    public const int NameMaxLength = 32;

    public int Id { get; set; }

    public int TeamId { get; set; }

    public CampaignTeam? Team { get; set; }

    public string? UserId { get; set; }

    public required string Name { get; set; }

    public required string RegionPath { get; set; }
}
