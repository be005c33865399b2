namespace Shigan.Core.Services.Applications;

/// <summary>One department's share of a bundle taken at a window: its items and the longest promised time among them.</summary>
public sealed record PlannedPart(string DepartmentName, IReadOnlyList<string> ItemCodes, int PromisedDays);
