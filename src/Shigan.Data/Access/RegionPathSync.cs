using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Access;

/// <summary>
/// A record's RegionPath is derived from the unit it points to, never trusted from the caller: a record moved by
/// changing RegionId (or a new region under a ParentId) gets the path of its new unit before the scope guard runs.
/// </summary>
internal static class RegionPathSync
{
    public static async Task ApplyAsync(ShiganDb db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<IInRegion>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var targetPaths = await TargetPathsAsync(db, changed, ct);
        foreach (var entry in changed)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Region region:
                    await SyncRegionAsync(db, entry, region, ct);
                    break;
                case Department department when Moved(entry, nameof(Department.RegionId)):
                    department.RegionPath = department.Region?.RegionPath ?? await PathOfAsync(db, department.RegionId, ct) ?? department.RegionPath;
                    break;
                case ShiganUser user when Moved(entry, nameof(ShiganUser.RegionId)):
                    user.RegionPath = user.Region?.RegionPath ?? await PathOfAsync(db, user.RegionId, ct) ?? user.RegionPath;
                    break;
                case Case @case when Moved(entry, nameof(Case.RegionId)):
                    @case.RegionPath = @case.Region?.RegionPath ?? await PathOfAsync(db, @case.RegionId, ct) ?? @case.RegionPath;
                    break;
                case CaseRoutingRule rule when Moved(entry, nameof(CaseRoutingRule.RegionId)):
                    rule.RegionPath = rule.Region?.RegionPath ?? await PathOfAsync(db, rule.RegionId, ct) ?? rule.RegionPath;
                    break;
                case CaseEvent caseEvent when entry.State == EntityState.Added:
                    // An entry of a case's history is seen by whoever sees the case.
                    caseEvent.RegionPath = caseEvent.Case?.RegionPath
                        ?? await db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseEvent.CaseId).Select(c => c.RegionPath).SingleOrDefaultAsync(ct)
                        ?? caseEvent.RegionPath;
                    break;
                case CaseAttachment attachment when entry.State == EntityState.Added:
                    // So is a photo of it.
                    attachment.RegionPath = await db.Cases.IgnoreQueryFilters().Where(c => c.Id == attachment.CaseId).Select(c => c.RegionPath).SingleOrDefaultAsync(ct)
                        ?? attachment.RegionPath;
                    break;
                case CampaignUnit unit when Moved(entry, nameof(CampaignUnit.RegionId)):
                    unit.RegionPath = unit.Region?.RegionPath ?? await PathOfAsync(db, unit.RegionId, ct) ?? unit.RegionPath;
                    break;
                case CampaignTarget target when Moved(entry, nameof(CampaignTarget.RegionId)):
                    target.RegionPath = target.Region?.RegionPath ?? await PathOfAsync(db, target.RegionId, ct) ?? target.RegionPath;
                    break;
                case CampaignTeam team when Moved(entry, nameof(CampaignTeam.RegionId)):
                    team.RegionPath = team.Region?.RegionPath ?? await PathOfAsync(db, team.RegionId, ct) ?? team.RegionPath;
                    break;
                case CampaignTeamMember member when entry.State == EntityState.Added:
                    // A member is seen where the team is.
                    member.RegionPath = member.Team?.RegionPath
                        ?? await db.CampaignTeams.IgnoreQueryFilters().Where(t => t.Id == member.TeamId).Select(t => t.RegionPath).SingleOrDefaultAsync(ct)
                        ?? member.RegionPath;
                    break;
                case StageMove move when entry.State == EntityState.Added:
                    // A target's history and visits are seen by whoever sees the target.
                    move.RegionPath = move.Target?.RegionPath ?? targetPaths.GetValueOrDefault(move.TargetId) ?? move.RegionPath;
                    break;
                case CampaignVisit visit when entry.State == EntityState.Added:
                    visit.RegionPath = visit.Target?.RegionPath ?? targetPaths.GetValueOrDefault(visit.TargetId) ?? visit.RegionPath;
                    break;
                case ServiceApplication application when Moved(entry, nameof(ServiceApplication.RegionId)):
                    application.RegionPath = application.Region?.RegionPath ?? await PathOfAsync(db, application.RegionId, ct) ?? application.RegionPath;
                    break;
                case SubApplication part when entry.State == EntityState.Added:
                    // An application's parts, history and trips are seen by whoever sees the application.
                    part.RegionPath = part.Application?.RegionPath ?? await ApplicationPathAsync(db, part.ApplicationId, ct) ?? part.RegionPath;
                    break;
                case ApplicationEvent applicationEvent when entry.State == EntityState.Added:
                    applicationEvent.RegionPath = applicationEvent.Application?.RegionPath
                        ?? await ApplicationPathAsync(db, applicationEvent.ApplicationId, ct) ?? applicationEvent.RegionPath;
                    break;
                case ApplicationTrip trip when entry.State == EntityState.Added:
                    trip.RegionPath = trip.Application?.RegionPath ?? await ApplicationPathAsync(db, trip.ApplicationId, ct) ?? trip.RegionPath;
                    break;
                case Project project when Moved(entry, nameof(Project.RegionId)):
                    project.RegionPath = project.Region?.RegionPath ?? await PathOfAsync(db, project.RegionId, ct) ?? project.RegionPath;
                    break;
                case ProjectMilestone milestone when entry.State == EntityState.Added:
                    // A project's milestones, blockers, team and history are seen by whoever sees the project.
                    milestone.RegionPath = milestone.Project?.RegionPath ?? await ProjectPathAsync(db, milestone.ProjectId, ct) ?? milestone.RegionPath;
                    break;
                case ProjectBlocker blocker when entry.State == EntityState.Added:
                    blocker.RegionPath = blocker.Project?.RegionPath ?? await ProjectPathAsync(db, blocker.ProjectId, ct) ?? blocker.RegionPath;
                    break;
                case ProjectMember member when entry.State == EntityState.Added:
                    member.RegionPath = member.Project?.RegionPath ?? await ProjectPathAsync(db, member.ProjectId, ct) ?? member.RegionPath;
                    break;
                case ProjectEvent projectEvent when entry.State == EntityState.Added:
                    projectEvent.RegionPath = projectEvent.Project?.RegionPath ?? await ProjectPathAsync(db, projectEvent.ProjectId, ct) ?? projectEvent.RegionPath;
                    break;
                case ProjectPhoto photo when entry.State == EntityState.Added:
                    photo.RegionPath = photo.Project?.RegionPath ?? await ProjectPathAsync(db, photo.ProjectId, ct) ?? photo.RegionPath;
                    break;
            }
        }
    }

    // The paths of the targets new moves and visits name only by id, in one query: a sheet's import adds thousands a save.
    private static async Task<Dictionary<long, string>> TargetPathsAsync(ShiganDb db, List<EntityEntry<IInRegion>> changed, CancellationToken ct)
    {
        var ids = changed.Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity switch
            {
                StageMove { Target: null } move => move.TargetId,
                CampaignVisit { Target: null } visit => visit.TargetId,
                _ => (long?)null,
            })
            .OfType<long>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.CampaignTargets.IgnoreQueryFilters().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.RegionPath })
                .ToDictionaryAsync(t => t.Id, t => t.RegionPath, ct);
    }

    private static Task<string?> ProjectPathAsync(ShiganDb db, int projectId, CancellationToken ct) =>
        db.Projects.IgnoreQueryFilters().Where(p => p.Id == projectId).Select(p => p.RegionPath).SingleOrDefaultAsync(ct);

    private static Task<string?> ApplicationPathAsync(ShiganDb db, long applicationId, CancellationToken ct) =>
        db.ServiceApplications.IgnoreQueryFilters().Where(a => a.Id == applicationId).Select(a => a.RegionPath).SingleOrDefaultAsync(ct);

    // Units do not move or change code: their paths are the keys of everything below them.
    private static async Task SyncRegionAsync(ShiganDb db, EntityEntry<IInRegion> entry, Region region, CancellationToken ct)
    {
        if (entry.State == EntityState.Modified)
        {
            if (entry.Property(nameof(Region.ParentId)).IsModified || entry.Property(nameof(Region.Code)).IsModified
                || entry.Property(nameof(Region.RegionPath)).IsModified || entry.Property(nameof(Region.Level)).IsModified)
            {
                throw new InvalidOperationException("A unit's code, level and place in the tree cannot change.");
            }

            return;
        }

        var parentPath = region.Parent?.RegionPath ?? (region.ParentId is { } parentId ? await PathOfAsync(db, parentId, ct) : null);
        region.RegionPath = parentPath is null ? Core.Org.RegionPaths.Root(region.Code) : Core.Org.RegionPaths.Child(parentPath, region.Code);
    }

    private static bool Moved(EntityEntry entry, string foreignKey) =>
        entry.State == EntityState.Added || entry.Property(foreignKey).IsModified;

    // A unit that does not exist reads like one outside the scope: the caller learns nothing either way.
    private static async Task<string?> PathOfAsync(ShiganDb db, int regionId, CancellationToken ct) =>
        await db.Regions.IgnoreQueryFilters().Where(r => r.Id == regionId).Select(r => r.RegionPath).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException(nameof(Region));
}
