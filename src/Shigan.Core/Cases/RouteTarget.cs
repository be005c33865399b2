namespace Shigan.Core.Cases;

/// <summary>A department as routing sees it: a key, a name for the history, and the unit it belongs to.</summary>
public sealed record RouteTarget(string DepartmentKey, string Name, string RegionPath);
