namespace Shigan.Core.Org;

/// <summary>One row of the statistical division table: code, name, level word, parent code.</summary>
public sealed record Division(string Code, string Name, string Level, string? ParentCode)
{
    private static readonly HashSet<string> KnownLevels = ["province", "city", "county", "township", "village", "grid"];

    /// <summary>Reads the CSV as published (<c>code,name,level,parent_code</c>, a header line, no quoting).</summary>
    public static IEnumerable<Division> ParseCsv(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("code,name,level", StringComparison.Ordinal))
        {
            throw new FormatException("Expected a header 'code,name,level,parent_code'.");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 4)
            {
                throw new FormatException($"Line {lineNumber}: expected 4 cells, found {cells.Length}.");
            }

            if (!KnownLevels.Contains(cells[2]))
            {
                throw new FormatException($"Line {lineNumber}: unknown level '{cells[2]}'.");
            }

            yield return new Division(cells[0], cells[1], cells[2], cells[3].Length == 0 ? null : cells[3]);
        }
    }

    /// <summary>
    /// The units from <paramref name="rootCode"/> down, with levels and paths, parents before children.
    /// Codes are padded to 12 digits as the statistical tables print them.
    /// </summary>
    public static List<Region> BuildTree(IEnumerable<Division> rows, string rootCode)
    {
        var byParent = rows.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!);
        var all = rows.ToDictionary(r => r.Code);
        if (!all.TryGetValue(rootCode, out var root))
        {
            throw new ArgumentException($"No division with code {rootCode}.", nameof(rootCode));
        }

        var result = new List<Region>();
        var top = new Region { Code = Pad(root.Code), Name = root.Name, Level = LevelOf(root.Level), RegionPath = RegionPaths.Root(Pad(root.Code)) };
        result.Add(top);
        var queue = new Queue<(Division Row, Region Unit)>([(root, top)]);
        while (queue.Count > 0)
        {
            var (row, unit) = queue.Dequeue();
            foreach (var child in byParent[row.Code].OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                var code = Pad(child.Code);
                var region = new Region
                {
                    Code = code,
                    Name = child.Name,
                    Level = LevelOf(child.Level),
                    Parent = unit,
                    RegionPath = RegionPaths.Child(unit.RegionPath, code),
                };
                unit.Children.Add(region);
                result.Add(region);
                queue.Enqueue((child, region));
            }
        }

        return result;
    }

    public static string Pad(string code) => code.Length >= 12 ? code : code.PadRight(12, '0');

    private static RegionLevel LevelOf(string level) => level switch
    {
        "county" => RegionLevel.County,
        "township" => RegionLevel.Township,
        "village" => RegionLevel.Village,
        "grid" => RegionLevel.Grid,
        _ => throw new FormatException($"Level '{level}' is not one a county tree holds."),
    };
}
