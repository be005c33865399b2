namespace Shigan.Core.Org;

/// <summary>Builds and reads the materialised paths that the scope rule compares.</summary>
public static class RegionPaths
{
    public const char Separator = '/';

    public static string Root(string code) => code + Separator;

    public static string Child(string parentPath, string code) => parentPath + code + Separator;

    /// <summary>True when <paramref name="path"/> is the unit at <paramref name="ancestorPath"/> or below it.</summary>
    public static bool IsAtOrBelow(string path, string ancestorPath) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>The codes on the path, from the root down.</summary>
    public static IReadOnlyList<string> Codes(string path) =>
        path.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    public static int Depth(string path) => Codes(path).Count;
}
