using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Core.Org;

namespace Shigan.Data.Contests;

/// <summary>
/// Who reads a contest: those whose scope covers its organiser (they also manage it, by the database's scope rule), and
/// the people of every participant and of the units below one: a village cadre sees the whole table of the contest
/// their village is in, without being able to change it. Judges are county or township accounts and read by scope.
/// </summary>
public static class ContestAccess
{
    /// <summary>The contests the actor may read.</summary>
    public static IQueryable<Contest> Readable(ShiganDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scope = db.Actor.Scope;
        if (scope.IsAll)
        {
            return db.Contests;
        }

        var start = scope.RangeStart;
        var end = scope.RangeEnd;
        var ancestors = AtOrAbove(scope.Prefix);
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        return db.Contests.IgnoreQueryFilters().Where(c =>
            (string.Compare(c.RegionPath, start) >= 0 && string.Compare(c.RegionPath, end) < 0)
            || c.Participants.Any(p => ancestors.Contains(p.UnitPath)));
#pragma warning restore CA1309
    }

    /// <summary>The contests the actor manages: their organiser is in scope (the role is the endpoint's policy).</summary>
    public static IQueryable<Contest> Managed(ShiganDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Contests;
    }

    public static bool Manages(ShiganDb db, Contest contest)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contest);
        return db.Actor.Scope.Covers(contest.RegionPath);
    }

    /// <summary>The sheets of a readable contest: their rows are read past the scope filter, which the contest already passed.</summary>
    public static IQueryable<ScoreSheet> Sheets(ShiganDb db, int contestId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ScoreSheets.IgnoreQueryFilters().Where(s => s.ContestId == contestId);
    }

    /// <summary>"a/b/c/" → "a/", "a/b/", "a/b/c/": a participant at any of these covers the actor.</summary>
    public static List<string> AtOrAbove(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new List<string>();
        for (var end = path.IndexOf(RegionPaths.Separator, StringComparison.Ordinal); end >= 0; end = path.IndexOf(RegionPaths.Separator, end + 1))
        {
            result.Add(path[..(end + 1)]);
        }

        return result;
    }
}
