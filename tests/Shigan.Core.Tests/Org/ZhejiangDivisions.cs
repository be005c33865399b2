using Shigan.Core.Org;

namespace Shigan.Core.Tests.Org;

/// <summary>The real division table, read once, and Changshan's tree built from it as the product builds it.</summary>
internal static class ZhejiangDivisions
{
    public const string ChangshanCode = "330822";

    private static readonly Lazy<IReadOnlyList<Division>> LazyRows = new(() =>
    {
        using var reader = new StreamReader(SharedData.ZhejiangDivisionsCsv);
        return Division.ParseCsv(reader).ToList();
    });

    private static readonly Lazy<IReadOnlyList<Region>> LazyChangshan = new(() => WithGrids(Division.BuildTree(Rows, ChangshanCode)));

    public static IReadOnlyList<Division> Rows => LazyRows.Value;

    /// <summary>Changshan from the county down to grids: 1 + 14 + 198 divisions and three grids per village.</summary>
    public static IReadOnlyList<Region> Changshan => LazyChangshan.Value;

    public static Region Unit(string code) => Changshan.Single(r => r.Code == code);

    public static Region UnitNamed(string name) => Changshan.Single(r => r.Name == name && r.Level != RegionLevel.Grid);

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="unit"/> or above it, found by walking parent links, not paths.</summary>
    public static bool IsAtOrAbove(Region ancestor, Region unit)
    {
        for (var x = unit; x is not null; x = x.Parent)
        {
            if (ReferenceEquals(x, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    // The statistical table stops at villages; grids are the county's own, three per village as the demo has them.
    private static List<Region> WithGrids(List<Region> tree)
    {
        foreach (var village in tree.Where(r => r.Level == RegionLevel.Village).ToList())
        {
            for (var i = 1; i <= 3; i++)
            {
                var code = village.Code + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                var grid = new Region
                {
                    Code = code,
                    Name = $"第{i}网格",
                    Level = RegionLevel.Grid,
                    Parent = village,
                    RegionPath = RegionPaths.Child(village.RegionPath, code),
                };
                village.Children.Add(grid);
                tree.Add(grid);
            }
        }

        return tree;
    }
}
