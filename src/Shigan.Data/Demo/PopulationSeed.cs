using Shigan.Core.Org;

namespace Shigan.Data.Demo;

/// <summary>
/// Demo resident populations (常住人口): about 340,000 in the county, shared among its townships by size (the county
/// seat's streets largest), each township's shared among its villages by a fixed spread. Illustrative, not census data.
/// </summary>
public static class PopulationSeed
{
    public const int County = 340_000;

    private static readonly Dictionary<string, int> Townships = new()
    {
        ["天马街道"] = 52_000,
        ["紫港街道"] = 38_000,
        ["金川街道"] = 36_000,
        ["白石镇"] = 25_000,
        ["招贤镇"] = 28_000,
        ["青石镇"] = 26_000,
        ["球川镇"] = 30_000,
        ["辉埠镇"] = 24_000,
        ["芳村镇"] = 25_000,
        ["何家乡"] = 13_000,
        ["同弓乡"] = 14_000,
        ["大桥头乡"] = 8_000,
        ["新昌乡"] = 11_000,
        ["东案乡"] = 10_000,
    };

    /// <summary>Sets the populations on a freshly loaded tree; grids keep none.</summary>
    public static void Apply(IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var county in regions.Where(r => r.Level == RegionLevel.County))
        {
            county.Population = County;
        }

        foreach (var township in regions.Where(r => r.Level == RegionLevel.Township))
        {
            township.Population = Townships.GetValueOrDefault(township.Name, 15_000);
            var villages = township.Children.Where(c => c.Level == RegionLevel.Village).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

            // A spread from 0.6 to 1.4 by the code's last digits: the same every time, not all villages alike.
            var weights = villages.Select(v => 0.6 + (0.8 * (int.Parse(v.Code[^3..], System.Globalization.CultureInfo.InvariantCulture) * 37 % 100) / 100.0)).ToList();
            var sum = weights.Sum();
            for (var i = 0; i < villages.Count; i++)
            {
                villages[i].Population = (int)Math.Round(township.Population.Value * weights[i] / sum / 10) * 10;
            }
        }
    }
}
