using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// Automatic routing of a new case. The rule for the smallest area around the case wins (a village's rule over
/// its township's, a township's over a county-wide one); with no rule, the category's default department of
/// the case's own township (or the nearest unit above it that has one); with neither, nobody.
/// </summary>
public static class Router
{
    /// <param name="defaultsByCategory">For each category code, its default department in each township (or the county).</param>
    public static RouteDecision Route(
        string categoryCode,
        string caseRegionPath,
        IEnumerable<RoutingRule> rules,
        IReadOnlyDictionary<string, IReadOnlyList<RouteTarget>> defaultsByCategory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseRegionPath);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(defaultsByCategory);

        // Equal areas are a configuration conflict (see Conflicts); the lowest id wins so the answer is stable.
        var rule = rules
            .Where(r => r.CategoryCode == categoryCode && Covers(r.RegionPathPrefix, caseRegionPath))
            .OrderByDescending(r => Area(r.RegionPathPrefix).Length)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (rule is not null)
        {
            return new(rule.Department, RouteBasis.Rule, rule.Id);
        }

        var fallback = defaultsByCategory.GetValueOrDefault(categoryCode)?
            .Where(d => Covers(d.RegionPath, caseRegionPath))
            .OrderByDescending(d => Area(d.RegionPath).Length)
            .ThenBy(d => d.DepartmentKey, StringComparer.Ordinal)
            .FirstOrDefault();
        return fallback is not null
            ? new(fallback, RouteBasis.CategoryDefault, null)
            : new(null, RouteBasis.Unrouted, null);
    }

    /// <summary>Rules that share a category and an area, so one of them can never apply: for the rules page to flag.</summary>
    public static IReadOnlyList<IReadOnlyList<RoutingRule>> Conflicts(IEnumerable<RoutingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            .. rules
                .GroupBy(r => (r.CategoryCode, Area(r.RegionPathPrefix)))
                .Where(g => g.Count() > 1)
                .Select(g => (IReadOnlyList<RoutingRule>)[.. g.OrderBy(r => r.Id, StringComparer.Ordinal)]),
        ];
    }

    /// <summary>An area always ends with the separator, so "…/330822001" can never match "…/3308220010…".</summary>
    private static string Area(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? ""
        : prefix.EndsWith(RegionPaths.Separator) ? prefix
        : prefix + RegionPaths.Separator;

    private static bool Covers(string? prefix, string caseRegionPath) =>
        RegionPaths.IsAtOrBelow(Area(caseRegionPath), Area(prefix));
}
