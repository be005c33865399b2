using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Campaigns;

/// <summary>How to order the buildings' table: furthest behind first (what a person acts on), furthest ahead, largest, or as in the sheet.</summary>
public enum BuildingSort
{
    Behind,
    Ahead,
    Size,
    Sheet,
}

/// <summary>
/// The campaign's buildings, a page at a time, over the targets the caller sees: the counts per building are summed in
/// SQL from the counters (<see cref="TargetCount"/>) and only the page's names are read, so a campaign of 3,000
/// buildings costs the page what one of 20 does.
/// </summary>
public static class BuildingProgressQuery
{
    public const int MaxPageSize = 100;

    public static async Task<Page<GroupProgress>?> RunAsync(
        ShiganDb db, int campaignId, BuildingSort sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var campaign = await CampaignCommands.GetAsync(db, campaignId, ct);
        return campaign is null
            ? null
            : await PageAsync(db, campaignId, CampaignTemplates.Layout(campaign.Layout).Leaf, campaign.Stages.Count, sort, page ?? 1, pageSize ?? 20, ct);
    }

    internal static async Task<Page<GroupProgress>> PageAsync(
        ShiganDb db, int campaignId, TargetLevel leaf, int stageCount, BuildingSort sort, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var cells = Counts(db, campaignId).Where(c => c.Level == leaf && c.Count != 0);
        var buildings = cells.GroupBy(c => c.ParentId)
            .Select(g => new { ParentId = g.Key, Count = g.Sum(c => c.Count), Passed = g.Sum(c => c.Stage * c.Count) });
        var total = await buildings.CountAsync(ct);
        // The score is the mean stage reached; the id breaks ties so that pages neither repeat nor skip a building.
        var ordered = sort switch
        {
            BuildingSort.Ahead => buildings.OrderByDescending(b => (double)b.Passed / b.Count).ThenBy(b => b.ParentId),
            BuildingSort.Size => buildings.OrderByDescending(b => b.Count).ThenBy(b => b.ParentId),
            BuildingSort.Sheet => buildings.OrderBy(b => b.ParentId),
            _ => buildings.OrderBy(b => (double)b.Passed / b.Count).ThenBy(b => b.ParentId),
        };
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.ParentId).ToList();
        var stages = await cells.Where(c => ids.Contains(c.ParentId))
            .GroupBy(c => new { c.ParentId, c.Stage })
            .Select(g => new { g.Key.ParentId, g.Key.Stage, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        var names = await NamesAsync(db, campaignId, ids.Where(id => id != 0), ct);
        var items = rows.Select(r =>
        {
            var own = stages.Where(s => s.ParentId == r.ParentId).ToList();
            var reached = Enumerable.Range(1, stageCount).Select(s => own.Where(c => c.Stage >= s).Sum(c => c.Count)).ToList();
            var score = stageCount == 0 ? 0 : (double)r.Passed / (r.Count * stageCount);
            return new GroupProgress(names.GetValueOrDefault(r.ParentId, "—"), r.Count, reached, score);
        }).ToList();
        return new Page<GroupProgress>(items, total, page, pageSize);
    }

    /// <summary>The counters of the campaign in the caller's scope, compared past the path index as the overview explains.</summary>
    internal static IQueryable<TargetCount> Counts(ShiganDb db, int campaignId)
    {
        var (scopeStart, scopeEnd) = (db.Actor.Scope.RangeStart, db.Actor.Scope.RangeEnd);
#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order of the query filter
        return db.TargetCounts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CampaignId == campaignId && string.Compare(c.RegionPath + "", scopeStart) >= 0 && string.Compare(c.RegionPath + "", scopeEnd) < 0);
#pragma warning restore CA1309
    }

    /// <summary>
    /// The names of these groups, each with its compound's (5幢 of two compounds do not merge): two lookups by id, for
    /// the rows shown only. The targets counted are already the caller's own.
    /// </summary>
    internal static async Task<Dictionary<long, string>> NamesAsync(ShiganDb db, int campaignId, IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var groups = db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CampaignId == campaignId);
        var own = await groups.Where(t => wanted.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.ParentId }).ToListAsync(ct);
        var parentIds = own.Where(g => g.ParentId is not null).Select(g => g.ParentId!.Value).Distinct().ToList();
        var parents = await groups.Where(t => parentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return own.ToDictionary(
            g => g.Id,
            g => g.ParentId is { } p && parents.TryGetValue(p, out var top) ? $"{top} {g.Name}" : g.Name);
    }
}
