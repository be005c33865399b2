using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>One step of a target's history: who moved it, when, from which stage to which, and why. Never edited.</summary>
public sealed class StageMove : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public long TargetId { get; set; }

    public CampaignTarget? Target { get; set; }

    public DateTime AtUtc { get; set; }

    public StageMoveKind Kind { get; set; }

    public int FromStage { get; set; }

    public int ToStage { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Reason { get; set; }

    public required string RegionPath { get; set; }
}
