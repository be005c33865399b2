using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>
/// One target of a campaign (对象): a compound, building or household, a river or one of its sections. Groups
/// (compounds, buildings) hold no stage of their own; their progress is their households'. A target belongs to the
/// unit it lies in, so another township's cadres neither see nor change it.
/// </summary>
public sealed class CampaignTarget : IInRegion
{
    public const int KeyMaxLength = 160;
    public const int NameMaxLength = 64;
    public const int OwnerMaxLength = 32;
    public const int PhoneMaxLength = 20;

    public long Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>Its place in the sheet, e.g. 定阳小区/5幢/1单元/301: a re-import finds it by this.</summary>
    public required string Key
    {
        get;
        set
        {
            field = value;
            SortKey = NaturalOrder.SortKey(value);
        }
    }

    /// <summary>
    /// The key as the list orders it (<see cref="NaturalOrder.SortKey"/>: 2幢 before 10幢), kept with it so the
    /// database sorts and pages the list from an index.
    /// </summary>
    public string SortKey { get; private set; } = "";

    public long? ParentId { get; set; }

    public CampaignTarget? Parent { get; set; }

    public TargetLevel Level { get; set; }

    /// <summary>Its own name within its parent: 定阳小区, 5幢, 1单元301.</summary>
    public required string Name { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    /// <summary>户主 (or the person responsible for a section): personal data, masked for those who may not read it.</summary>
    public string? Owner { get; set; }

    public string? Phone { get; set; }

    public int? People { get; set; }

    /// <summary>Floor area in square metres.</summary>
    public decimal? Area { get; set; }

    /// <summary>How many stages it has passed: 0 before the first, the campaign's stage count when done.</summary>
    public int Stage { get; set; }

    /// <summary>When it reached its current stage (or was added): how long it has been stuck.</summary>
    public DateTime StageSinceUtc { get; set; }

    public int? TeamId { get; set; }

    public CampaignTeam? Team { get; set; }

    public int Version { get; set; }
}
