using Shigan.Core.Org;

namespace Shigan.Data.Contests;

/// <summary>Finds which participant a record belongs to by walking up its path: one dictionary look-up per level.</summary>
internal sealed class UnitBuckets
{
    private readonly Dictionary<string, int> byPath;

    // Looked up by slices of the record's path, so bucketing a few hundred thousand groups allocates no strings.
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> bySlice;

    public UnitBuckets(IReadOnlyList<SourceUnit> units)
    {
        byPath = units.ToDictionary(u => u.Path, u => u.RegionId, StringComparer.Ordinal);
        bySlice = byPath.GetAlternateLookup<ReadOnlySpan<char>>();
        CommonPath = Common(units);
    }

    /// <summary>The longest path that every participant sits under: records are read from there down, once.</summary>
    public string CommonPath { get; }

    public int? Of(string recordPath)
    {
        var path = recordPath.AsSpan();
        for (var end = path.IndexOf(RegionPaths.Separator); end >= 0; end = NextSeparator(path, end))
        {
            if (bySlice.TryGetValue(path[..(end + 1)], out var unit))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>The end of the range of paths at or below <see cref="CommonPath"/> (see RegionScope.RangeEnd).</summary>
    public string RangeEnd => End(CommonPath);

    /// <summary>The end of the range of paths at or below <paramref name="path"/>.</summary>
    public static string End(string path) => path.Length == 0 ? ":" : path[..^1] + "0";

    private static int NextSeparator(ReadOnlySpan<char> path, int after)
    {
        var next = path[(after + 1)..].IndexOf(RegionPaths.Separator);
        return next < 0 ? -1 : after + 1 + next;
    }

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
