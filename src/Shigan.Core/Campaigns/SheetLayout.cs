namespace Shigan.Core.Campaigns;

/// <summary>
/// How a template's targets are laid out in the sheets kept today: the columns naming the groups above a target
/// (小区, 楼幢) and the columns naming the target itself within its group (单元, 房号).
/// </summary>
public sealed record SheetLayout(IReadOnlyList<(string Header, TargetLevel Level)> Groups, TargetLevel Leaf, string LeafHeader, string? LeafPrefixHeader)
{
    /// <summary>The leaf's stable key: its groups' names and its own, so a re-import finds it again.</summary>
    public static string Key(IEnumerable<string> parts) => string.Join("/", parts.Select(p => p.Trim()));
}
