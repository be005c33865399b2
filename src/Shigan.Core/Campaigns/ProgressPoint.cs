namespace Shigan.Core.Campaigns;

/// <summary>How many targets had reached a stage (or gone beyond it) by the end of a day.</summary>
public readonly record struct ProgressPoint(DateOnly Date, int Count);
