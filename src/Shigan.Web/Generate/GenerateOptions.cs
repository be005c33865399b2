using System.Globalization;
using System.Text.RegularExpressions;

namespace Shigan.Web.Generate;

/// <summary>
/// <c>generate --scope 33|3308|330822 [--cases N] [--applications N] [--seed S] [--campaign-targets N] [--now ISO]
/// [--divisions FILE] [--raw-rows N] [--drop-indexes true]</c>: what to fill the configured database with.
/// </summary>
public sealed partial record GenerateOptions(
    string Scope, int Cases, int Applications, int CampaignTargets, int Seed, DateTimeOffset Now, string Divisions, long? RawRows, bool DropIndexes = false)
{
    public const string Usage = "usage: generate --scope 33|3308|330822 [--cases N] [--applications N] [--campaign-targets N] [--seed S] "
        + "[--now 2026-11-26T12:00:00Z] [--divisions zhejiang-divisions.csv] [--raw-rows N] [--drop-indexes true]";

    /// <summary>The options, or the message saying what is wrong with them.</summary>
    public static (GenerateOptions? Options, string? Error) Read(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var scope = config["scope"];
        if (scope is null || !ScopeCode().IsMatch(scope))
        {
            return (null, $"--scope must be a division code of the province (2 digits), a city (4) or a county (6), e.g. 33, 3308, 330822; got '{scope}'.");
        }

        int cases = 0, applications = 0, targets = 0, seed = 2026;
        long? raw = null;
        foreach (var (key, set) in new (string, Action<int>)[] { ("cases", v => cases = v), ("applications", v => applications = v), ("campaign-targets", v => targets = v), ("seed", v => seed = v) })
        {
            if (config[key] is { } text)
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return (null, $"--{key} must be a whole number ≥ 0; got '{text}'.");
                }

                set(value);
            }
        }

        if (config["raw-rows"] is { } rawText)
        {
            if (!long.TryParse(rawText, NumberStyles.None, CultureInfo.InvariantCulture, out var rawRows))
            {
                return (null, $"--raw-rows must be a whole number ≥ 0; got '{rawText}'.");
            }

            raw = rawRows;
        }

        // Default "now": the start of this hour, so two runs in the same hour with the same seed write the same rows.
        var utc = DateTimeOffset.UtcNow;
        var now = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        if (config["now"] is { } nowText && !DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
        {
            return (null, $"--now must be a date and time such as 2026-11-26T12:00:00Z; got '{nowText}'.");
        }

        var divisions = config["divisions"] ?? FindDivisions();
        if (divisions is null || !File.Exists(divisions))
        {
            return (null, $"The division table {divisions ?? "shared/data/zhejiang-divisions.csv"} was not found; give it with --divisions FILE.");
        }

        var dropIndexes = false;
        if (config["drop-indexes"] is { } drop && !bool.TryParse(drop, out dropIndexes))
        {
            return (null, $"--drop-indexes must be true or false; got '{drop}'.");
        }

        return (new GenerateOptions(scope, cases, applications, targets, seed, now.ToUniversalTime(), divisions, raw, dropIndexes), null);
    }

    // shared/data/zhejiang-divisions.csv in a folder above the program or the working folder (the repository's neighbour).
    private static string? FindDivisions()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "zhejiang-divisions.csv");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [GeneratedRegex("^[0-9]{2}([0-9]{2}([0-9]{2})?)?$")]
    private static partial Regex ScopeCode();
}
