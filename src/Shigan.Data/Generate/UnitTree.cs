using Shigan.Core.Org;
using Shigan.Data.Demo;

namespace Shigan.Data.Generate;

/// <summary>
/// The units and departments of a scope of the division table (a county "330822", a city "3308" or the province
/// "33"): every county below it as a root with its townships, villages and three grids per village, and the
/// departments <see cref="ChangshanSeed"/> gives a county, with ids given in order (parents first).
/// </summary>
public static class UnitTree
{
    /// <summary>The county rows of the scope; none when the scope names no province, city or county of the table.</summary>
    public static List<Division> Counties(IReadOnlyList<Division> rows, string scope)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var root = rows.FirstOrDefault(r => r.Code == scope && r.Level is "province" or "city" or "county");
        return root is null ? [] : [.. rows.Where(r => r.Level == "county" && r.Code.StartsWith(scope, StringComparison.Ordinal)).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    public static List<Region> Regions(IReadOnlyList<Division> rows, IEnumerable<Division> counties)
    {
        var regions = new List<Region>();
        foreach (var county in counties)
        {
            regions.AddRange(Division.BuildTree(rows, county.Code));
        }

        ChangshanSeed.AddGrids(regions);
        var id = 0;
        foreach (var region in regions)
        {
            region.Id = ++id;
        }

        foreach (var region in regions)
        {
            region.ParentId = region.Parent?.Id;
        }

        return regions;
    }

    public static List<Department> Departments(IEnumerable<Region> regions)
    {
        var departments = ChangshanSeed.Departments(regions).ToList();
        var id = 0;
        foreach (var department in departments)
        {
            department.Id = ++id;
            department.RegionId = department.Region!.Id;
        }

        return departments;
    }
}
