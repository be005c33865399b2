namespace Shigan.Core.Services;

/// <summary>One thing done at a place: apply for an item, hand in a window application, or collect or fetch a paper.</summary>
public sealed record TripStop(StopPurpose Purpose, string ItemCode, string ItemName, string? MaterialName);
