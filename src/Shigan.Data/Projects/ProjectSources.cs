using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Core.Projects;
using Shigan.Data.Contests;

namespace Shigan.Data.Projects;

/// <summary>Computed indicators from projects (项目). A unit's projects are those at it or below it.</summary>
internal static class ProjectSourceRows
{
    public const string RecordKind = "project";

    /// <summary>The projects' rows between the participants' common path and its end (every unit's, whatever the caller's scope).</summary>
    public static IQueryable<T> InRange<T>(IQueryable<T> rows, UnitBuckets buckets)
        where T : class, Core.Org.IInRegion
    {
        var start = buckets.CommonPath;
        var end = buckets.RangeEnd;
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        return rows.IgnoreQueryFilters().AsNoTracking().Where(r => string.Compare(r.RegionPath, start) >= 0 && string.Compare(r.RegionPath, end) < 0);
#pragma warning restore CA1309
    }
}

/// <summary>里程碑按时完成率: of the milestones planned in the period whose day has passed, the share done by that day, in %.</summary>
internal sealed class ProjectMilestonesOnTimeSource : IIndicatorSource
{
    public string Code => "projects.milestones-on-time";

    public string Name => "里程碑按时完成率";

    public string Unit => "%";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => ProjectSourceRows.RecordKind;

    public string RecordsAre => "有里程碑未按时完成的项目";

    // No milestone fell due: no share to speak of, so no data (the indicator's missing rule decides).
    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ListedRecords.ForAsync(this, db, query, unit, ct);

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var buckets = new UnitBuckets(query.Units);
        var from = ChinaTime.DateOf(new DateTimeOffset(query.FromUtc, TimeSpan.Zero));
        var to = ChinaTime.DateOf(new DateTimeOffset(query.ToUtc, TimeSpan.Zero));
        var today = ChinaTime.DateOf(new DateTimeOffset(query.NowUtc, TimeSpan.Zero));
        var milestones = await ProjectSourceRows.InRange(db.ProjectMilestones, buckets)
            .Where(m => m.PlannedDate >= from && m.PlannedDate < to && m.PlannedDate < today)
            .ToListAsync(ct);
        var byUnit = milestones.Select(m => (Unit: buckets.Of(m.RegionPath), Milestone: m)).Where(x => x.Unit is not null)
            .ToLookup(x => x.Unit!.Value, x => x.Milestone);
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            var due = byUnit[u.RegionId].ToList();
            if (ProjectRules.OnTimeShare(due, from, to, today) is not { } share)
            {
                return RawValue.None;
            }

            var missed = due.Where(m => !ProjectRules.IsOnTime(m)).Select(m => (long)m.ProjectId).Distinct().Order().ToList();
            return new RawValue(share, missed);
        });
    }
}

/// <summary>
/// 项目进度差: the mean, over the unit's projects under way at the end of the period, of the progress reported by then
/// minus the progress the plan asks for that day, in percentage points (negative: behind plan).
/// </summary>
internal sealed class ProjectProgressVsPlanSource : IIndicatorSource
{
    public string Code => "projects.progress-vs-plan";

    public string Name => "项目进度与计划之差";

    public string Unit => "个百分点";

    public Direction Direction => Direction.HigherIsBetter;

    public string RecordKind => ProjectSourceRows.RecordKind;

    public string RecordsAre => "进度落后于计划的项目";

    public Task<IReadOnlyList<long>> RecordsAsync(ShiganDb db, SourceQuery query, SourceUnit unit, CancellationToken ct) =>
        ListedRecords.ForAsync(this, db, query, unit, ct);

    public async Task<IReadOnlyDictionary<int, RawValue>> ComputeAsync(ShiganDb db, SourceQuery query, CancellationToken ct)
    {
        var buckets = new UnitBuckets(query.Units);
        // The period's last day, or today while it runs; progress as reported before its end.
        var until = query.ToUtc < query.NowUtc ? query.ToUtc : query.NowUtc;
        var day = ChinaTime.DateOf(new DateTimeOffset(until, TimeSpan.Zero).AddTicks(-1));
        // A suspended project is not held to its plan (its current status stands for the whole period).
        var projects = await ProjectSourceRows.InRange(db.Projects, buckets)
            .Where(p => p.StartDate <= day && p.CreatedAtUtc < until && p.Status != ProjectStatus.Suspended)
            .Select(p => new { p.Id, p.RegionPath, p.StartDate, p.PlannedEndDate, p.Progress })
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var reported = (await ProjectSourceRows.InRange(db.ProjectEvents, buckets)
                .Where(e => ids.Contains(e.ProjectId) && e.Progress != null && e.AtUtc < until)
                .Select(e => new { e.ProjectId, e.Id, e.Progress })
                .ToListAsync(ct))
            .GroupBy(e => e.ProjectId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Progress!.Value);
        var byUnit = projects
            .Select(p => (Unit: buckets.Of(p.RegionPath), p.Id, Gap: (decimal)(reported.GetValueOrDefault(p.Id, p.Progress) - ProjectRules.PlannedProgress(p.StartDate, p.PlannedEndDate, day))))
            .Where(x => x.Unit is not null)
            .ToLookup(x => x.Unit!.Value);
        return query.Units.ToDictionary(u => u.RegionId, u =>
        {
            var gaps = byUnit[u.RegionId].ToList();
            return gaps.Count == 0 ? RawValue.None
                : new RawValue(Math.Round(gaps.Average(g => g.Gap), 2, MidpointRounding.AwayFromZero), [.. gaps.Where(g => g.Gap < 0).Select(g => (long)g.Id).Order()]);
        });
    }
}
