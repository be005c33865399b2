using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>A unit (township or street) a campaign covers; it is what makes the campaign visible there.</summary>
public sealed class CampaignUnit : IInRegion
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }
}
