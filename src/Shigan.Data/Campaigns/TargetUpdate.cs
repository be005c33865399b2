using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

/// <summary>
/// A target a bulk write changes past the tracker (<see cref="TargetRowWriter"/>): as it was read, whose version and
/// path the update checks and whose values its audit keeps as "before", and as it is to be. Only its owner, phone,
/// people, area, stage and team may differ; its version is bumped by the write.
/// </summary>
public sealed record TargetUpdate(CampaignTarget Before, CampaignTarget After);
