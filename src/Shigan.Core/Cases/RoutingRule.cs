namespace Shigan.Core.Cases;

/// <summary>
/// Cases of <paramref name="CategoryCode"/> in the area under <paramref name="RegionPathPrefix"/> (a township,
/// a village, a grid; null for the whole county) go to <paramref name="Department"/>.
/// </summary>
public sealed record RoutingRule(string Id, string CategoryCode, string? RegionPathPrefix, RouteTarget Department);
