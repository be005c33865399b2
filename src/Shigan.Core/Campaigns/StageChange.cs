namespace Shigan.Core.Campaigns;

/// <summary>So many targets moved from one stage to another on a (China) day: what the burn-up series needs of the moves.</summary>
public readonly record struct StageChange(DateOnly Date, int FromStage, int ToStage, int Count);
