namespace Shigan.Core.Services.Applications;

/// <summary>
/// The one-trip figures (跑动次数): average trips per finished application, the share finished in at most one trip
/// (0 for an application nobody had to come in for, 1 for the intake visit alone), the share finished within the
/// promised time, and the materials asked for most often after intake.
/// </summary>
public static class ApplicationFigureMath
{
    public const int MostMissedCount = 3;

    /// <summary>One line per unit key, in the order the keys first appear.</summary>
    public static IReadOnlyList<FigureLine> ByUnit(IEnumerable<ApplicationFacts> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return [.. applications.GroupBy(a => a.UnitKey, StringComparer.Ordinal)
            .Select(g => Line(g.Key, [.. g.Select(Whole)]))];
    }

    /// <summary>
    /// One line per service item: every application whose parts include the item counts for it, with its trips, and is
    /// on time for it when the part holding the item finished by its date.
    /// </summary>
    public static IReadOnlyList<FigureLine> ByItem(IEnumerable<ApplicationFacts> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return [.. applications
            .SelectMany(a => a.Parts.SelectMany(p => p.ItemCodes.Select(code => (Code: code, Row: (a, p.OnTime, p.MissingMaterials)))))
            .GroupBy(x => x.Code, StringComparer.Ordinal)
            .Select(g => Line(g.Key, [.. g.Select(x => x.Row)]))];
    }

    /// <summary>All of them as one line (the county's total, or one contest participant's).</summary>
    public static FigureLine Total(string key, IEnumerable<ApplicationFacts> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return Line(key, [.. applications.Select(Whole)]);
    }

    // An application is on time when every part is; what it missed is what any part asked for.
    private static (ApplicationFacts Application, bool OnTime, IReadOnlyList<string> Missing) Whole(ApplicationFacts a) =>
        (a, a.Parts.All(p => p.OnTime), [.. a.Parts.SelectMany(p => p.MissingMaterials)]);

    private static FigureLine Line(string key, List<(ApplicationFacts Application, bool OnTime, IReadOnlyList<string> Missing)> rows)
    {
        var done = rows.Where(r => r.Application.Done).ToList();
        var missed = rows.SelectMany(r => r.Missing)
            .GroupBy(m => m, StringComparer.Ordinal)
            .Select(g => new MaterialCount(g.Key, g.Count()))
            .OrderByDescending(m => m.Count).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(MostMissedCount)
            .ToList();
        return new FigureLine(
            key,
            rows.Count,
            done.Count,
            done.Count == 0 ? null : done.Average(r => r.Application.Trips),
            done.Count == 0 ? null : (double)done.Count(r => r.Application.Trips <= 1) / done.Count,
            done.Count == 0 ? null : (double)done.Count(r => r.OnTime) / done.Count,
            missed);
    }
}
