using Shigan.Core.Org;

namespace Shigan.Data.Contests;

/// <summary>Finds which participant a record belongs to by walking up its path: one dictionary look-up per level.</summary>
internal sealed class UnitBuckets(IReadOnlyList<SourceUnit> units)
{
    private readonly Dictionary<string, int> byPath = units.ToDictionary(u => u.Path, u => u.RegionId, StringComparer.Ordinal);

    /// <summary>The longest path that every participant sits under: records are read from there down, once.</summary>
    public string CommonPath { get; } = Common(units);

    public int? Of(string recordPath)
    {
        for (var end = recordPath.IndexOf(RegionPaths.Separator, StringComparison.Ordinal); end >= 0;
             end = recordPath.IndexOf(RegionPaths.Separator, end + 1))
        {
            if (byPath.TryGetValue(recordPath[..(end + 1)], out var unit))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>The end of the range of paths at or below <see cref="CommonPath"/> (see RegionScope.RangeEnd).</summary>
    public string RangeEnd => CommonPath.Length == 0 ? ":" : CommonPath[..^1] + "0";

    private static string Common(IReadOnlyList<SourceUnit> units)
    {
        if (units.Count == 0)
        {
            return "";
        }

        var common = units[0].Path;
        foreach (var unit in units.Skip(1))
        {
            while (!unit.Path.StartsWith(common, StringComparison.Ordinal))
            {
                var cut = common.LastIndexOf(RegionPaths.Separator, common.Length - 2);
                common = cut < 0 ? "" : common[..(cut + 1)];
            }
        }

        return common;
    }
}
