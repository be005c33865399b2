namespace Shigan.Core.Tests;

/// <summary>
/// The shared data folder sits beside the repository (here and in CI, where the clone lives elsewhere),
/// so it is found by walking up from the test binaries rather than by a fixed path.
/// </summary>
internal static class SharedData
{
    private const string ZhejiangRelative = "shared/data/zhejiang-divisions.csv";

    public static string ZhejiangDivisionsCsv { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ZhejiangRelative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"No directory above {AppContext.BaseDirectory} holds {ZhejiangRelative}; "
            + "the repository's parent folder must contain the shared/ data folder.");
    }
}
