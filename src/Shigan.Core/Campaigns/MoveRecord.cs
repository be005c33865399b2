namespace Shigan.Core.Campaigns;

/// <summary>What the progress series needs of a stage move: which target, on which (China) day, to which stage.</summary>
public readonly record struct MoveRecord(long TargetId, DateOnly Date, long Order, int ToStage);
