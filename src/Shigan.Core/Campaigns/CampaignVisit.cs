using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>One visit to a target (走访): who went, when, where, what came of it and what is next. Never edited.</summary>
public sealed class CampaignVisit : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public long TargetId { get; set; }

    public CampaignTarget? Target { get; set; }

    public DateTime AtUtc { get; set; }

    public VisitPlace Place { get; set; }

    public required string Outcome { get; set; }

    public string? NextStep { get; set; }

    /// <summary>The stage the target reached with this visit, if it moved.</summary>
    public int? StageReached { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string RegionPath { get; set; }
}
