using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Data;

namespace Shigan.Web.Projects;

/// <summary>
/// The board (per township or the county), one project with its milestones, blockers and history, and the open
/// blockers across projects. What the caller does not see (the database's filter) is neither listed nor counted.
/// </summary>
public static class ProjectQueries
{
    public static DateOnly Today(TimeProvider clock) => ChinaTime.DateOf(clock.GetUtcNow());

    public static async Task<ProjectBoard> BoardAsync(ShiganDb db, ProjectFilter filter, DateOnly today, CancellationToken ct = default)
    {
        var query = db.Projects.AsNoTracking();
        if (filter.RegionId is { } unit)
        {
            // A unit the caller does not see reads as one without projects.
            var path = await db.Regions.Where(r => r.Id == unit).Select(r => r.RegionPath).SingleOrDefaultAsync(ct);
            var scope = path is null ? RegionScope.Nothing : RegionScope.Of(path);
            var (start, end) = (scope.RangeStart, scope.RangeEnd);
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
            query = query.Where(p => string.Compare(p.RegionPath, start) >= 0 && string.Compare(p.RegionPath, end) < 0);
#pragma warning restore CA1309
        }

        if (filter.Type is { } type)
        {
            query = query.Where(p => p.Type == type);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        var rows = await RowsAsync(db, query, today, ct);
        return new ProjectBoard(
            today, rows, rows.Count, rows.Sum(r => r.Budget), rows.Sum(r => r.Spent), rows.Sum(r => r.JobsCreated),
            rows.Sum(r => r.OverdueMilestones), rows.Sum(r => r.OpenBlockers));
    }

    public static async Task<ProjectDetail?> GetAsync(ShiganDb db, int id, DateOnly today, CancellationToken ct = default)
    {
        var row = (await RowsAsync(db, db.Projects.AsNoTracking().Where(p => p.Id == id), today, ct)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var team = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.Id)
            .Select(m => new MemberItem(m.UserId, m.Name)).ToListAsync(ct);
        var milestones = (await db.ProjectMilestones.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.Position).ThenBy(m => m.Id).ToListAsync(ct))
            .Select(m => Milestone(m, today)).ToList();
        var blockers = await BlockersAsync(db, db.ProjectBlockers.AsNoTracking().Where(b => b.ProjectId == id), today, ct);
        var history = await db.ProjectEvents.AsNoTracking().Where(e => e.ProjectId == id).OrderByDescending(e => e.Id)
            .Select(e => new ProjectEventItem(e.Id, e.AtUtc, e.Kind, e.Progress, e.Spent, e.Detail, e.ActorName)).ToListAsync(ct);
        return new ProjectDetail(row, team, milestones, [.. blockers.OrderBy(b => b.Status).ThenByDescending(b => b.Overdue).ThenBy(b => b.DueDate)], history);
    }

    /// <summary>Blockers across the projects the caller sees (open ones by default), overdue first, then by due date.</summary>
    public static async Task<BlockerList> BlockersAsync(ShiganDb db, int? regionId, BlockerStatus? status, DateOnly today, CancellationToken ct = default)
    {
        var query = db.ProjectBlockers.AsNoTracking().Where(b => b.Status == (status ?? BlockerStatus.Open));
        if (regionId is { } unit)
        {
            var path = await db.Regions.Where(r => r.Id == unit).Select(r => r.RegionPath).SingleOrDefaultAsync(ct);
            var scope = path is null ? RegionScope.Nothing : RegionScope.Of(path);
            var (start, end) = (scope.RangeStart, scope.RangeEnd);
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
            query = query.Where(b => string.Compare(b.RegionPath, start) >= 0 && string.Compare(b.RegionPath, end) < 0);
#pragma warning restore CA1309
        }

        var items = await BlockersAsync(db, query, today, ct);
        var ordered = items.OrderByDescending(b => b.Overdue).ThenBy(b => b.DueDate).ThenBy(b => b.Id).ToList();
        return new BlockerList(today, ordered, ordered.Count, ordered.Count(b => b.Overdue));
    }

    public static MilestoneItem Milestone(ProjectMilestone m, DateOnly today) =>
        new(m.Id, m.Position, m.Name, m.PlannedDate, m.DoneDate, ProjectRules.IsOverdue(m, today), ProjectRules.IsOnTime(m));

    private static async Task<List<BlockerItem>> BlockersAsync(ShiganDb db, IQueryable<ProjectBlocker> query, DateOnly today, CancellationToken ct)
    {
        var blockers = await query.Select(b => new { Blocker = b, Project = b.Project!.Name, Unit = b.Project.Region!.Name }).ToListAsync(ct);
        return [.. blockers.Select(x => new BlockerItem(
            x.Blocker.Id, x.Blocker.ProjectId, x.Project, x.Unit, x.Blocker.Kind, x.Blocker.OwnerName, x.Blocker.DueDate, x.Blocker.Status,
            ProjectRules.IsOverdue(x.Blocker, today), x.Blocker.Note, x.Blocker.Resolution, x.Blocker.ResolvedDate, x.Blocker.Version))];
    }

    private static async Task<List<ProjectRow>> RowsAsync(ShiganDb db, IQueryable<Project> query, DateOnly today, CancellationToken ct)
    {
        var projects = await query
            .Select(p => new
            {
                Project = p,
                Unit = p.Region!.Name,
                p.Region.Level,
                // The township of a village's project; null when the caller does not see it (a village's own cadre).
                Parent = p.Region.Parent!.Name,
            })
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Project.Id).ToList();
        var milestones = (await db.ProjectMilestones.AsNoTracking().Where(m => ids.Contains(m.ProjectId)).ToListAsync(ct))
            .ToLookup(m => m.ProjectId);
        var blockers = (await db.ProjectBlockers.AsNoTracking().Where(b => ids.Contains(b.ProjectId) && b.Status == BlockerStatus.Open).ToListAsync(ct))
            .ToLookup(b => b.ProjectId);
        return [.. projects
            .Select(x =>
            {
                var p = x.Project;
                var planned = ProjectRules.PlannedProgress(p.StartDate, p.PlannedEndDate, today);
                var mine = milestones[p.Id].OrderBy(m => m.Position).ThenBy(m => m.Id).ToList();
                var next = mine.FirstOrDefault(m => m.DoneDate is null);
                var open = blockers[p.Id].ToList();
                return new ProjectRow(
                    p.Id, p.Name, p.Type, p.RegionId, x.Unit, x.Level == RegionLevel.Township ? x.Unit : x.Parent ?? "", p.LeadName, p.LeadTitle,
                    p.Budget, p.Spent, p.StartDate, p.PlannedEndDate, p.Progress, planned, Math.Round(p.Progress - planned, 1), p.JobsCreated, p.Status,
                    mine.Count, mine.Count(m => m.DoneDate is not null), mine.Count(m => ProjectRules.IsOverdue(m, today)), next?.Name, next?.PlannedDate,
                    open.Count, open.Count(b => ProjectRules.IsOverdue(b, today)), p.Version);
            })
            // Overdue work first, then the furthest behind plan: what the morning meeting should look at.
            .OrderByDescending(r => r.OverdueMilestones + r.OverdueBlockers > 0)
            .ThenBy(r => r.Status == ProjectStatus.Done)
            .ThenBy(r => r.Gap)
            .ThenBy(r => r.Id)];
    }
}
