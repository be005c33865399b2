namespace Shigan.Core.Org;

/// <summary>
/// What an actor may see and change: the unit it belongs to and everything below it.
/// The system (start-up, command line, background jobs) sees everything; an actor
/// that could not be identified sees nothing, so a missed sign-in fails closed.
/// </summary>
public readonly record struct RegionScope
{
    private const string NothingPrefix = "!";

    private RegionScope(bool all, string prefix)
    {
        IsAll = all;
        Prefix = prefix;
    }

    public bool IsAll { get; }

    /// <summary>The path every visible record's path starts with (empty when <see cref="IsAll"/>).</summary>
    public string Prefix { get; }

    public static RegionScope All { get; } = new(true, "");

    public static RegionScope Nothing { get; } = new(false, NothingPrefix);

    public static RegionScope Of(string unitPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitPath);
        return new(false, unitPath);
    }

    public bool Covers(string regionPath) => IsAll || RegionPaths.IsAtOrBelow(regionPath, Prefix);

    /// <summary>
    /// The scope as a half-open range of paths [<see cref="RangeStart"/>, <see cref="RangeEnd"/>) in ordinal order,
    /// which a database answers from an index. Paths hold only digits and '/', so everything at or below "…/P/"
    /// sorts from "…/P/" up to, not including, "…/P0" ('0' follows '/'); all paths sort below ':' (after '9').
    /// </summary>
    public string RangeStart => IsAll ? "" : Prefix;

    /// <inheritdoc cref="RangeStart"/>
    public string RangeEnd => IsAll ? ":" : Prefix == NothingPrefix ? NothingPrefix : Prefix[..^1] + "0";

    public bool Covers(IInRegion record) => Covers(record.RegionPath);

    public override string ToString() => IsAll ? "all" : Prefix == NothingPrefix ? "nothing" : Prefix;
}
