using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Campaigns;

/// <summary>Filters of the target list; all optional.</summary>
public sealed record TargetFilter(int? Stage = null, int? TeamId = null, int? RegionId = null, bool Mine = false, string? Q = null);

/// <summary>A campaign's households (or sections), as the page and the API list them: the caller's own team's first.</summary>
public static class TargetQueries
{
    public static async Task<Page<TargetItem>?> ListAsync(
        ShiganDb db, CurrentActor actor, int campaignId, TargetFilter filter, int? page, int? size, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var leaf = CampaignTemplates.Layout(campaign).Leaf;
        var mine = await MyTeamsAsync(db, actor, campaignId, ct);
        var query = db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == leaf);
        if (filter.Stage is { } stage)
        {
            query = query.Where(t => t.Stage == stage);
        }

        if (filter.TeamId is { } team)
        {
            query = query.Where(t => t.TeamId == team);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(t => t.RegionId == region);
        }

        if (filter.Mine)
        {
            query = query.Where(t => t.TeamId != null && mine.Contains(t.TeamId.Value));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            // Owners are searched only by those who may read them: a search must not reveal a masked name.
            query = CampaignRoles.MayReadOwners(actor.Role)
                ? query.Where(t => t.Key.Contains(q) || (t.Owner != null && t.Owner.Contains(q)))
                : query.Where(t => t.Key.Contains(q));
        }

        // The caller's own team's first, then the rest; each part in numeric order of the names (2幢 before 10幢) by
        // the stored sort key, paged by the database from IX_CampaignTargets_SortKey.
        var (skip, take, number, pageSize) = Paging.Window(page, size);
        var total = await query.CountAsync(ct);
        var ours = query.Where(t => t.TeamId != null && mine.Contains(t.TeamId.Value));
        var rest = query.Where(t => t.TeamId == null || !mine.Contains(t.TeamId.Value));
        var oursCount = mine.Count == 0 ? 0 : filter.Mine ? total : await ours.CountAsync(ct);
        var rows = new List<Row>(take);
        if (skip < oursCount)
        {
            rows.AddRange(await PageAsync(db, ours, skip, take, ct));
        }

        if (rows.Count < take && !filter.Mine)
        {
            rows.AddRange(await PageAsync(db, mine.Count == 0 ? query : rest, Math.Max(0, skip - oursCount), take - rows.Count, ct));
        }

        return new Page<TargetItem>([.. rows.Select(r => Item(r, campaign.Stages, mine, actor))], total, number, pageSize);
    }

    // The page's ids first, from the index alone; then only those rows in full (a page of whole rows would have
    // SQLite sort every household instead).
    private static async Task<List<Row>> PageAsync(ShiganDb db, IQueryable<CampaignTarget> targets, int skip, int take, CancellationToken ct)
    {
        var ids = await targets.OrderBy(t => t.SortKey).ThenBy(t => t.Id).Skip(skip).Take(take).Select(t => t.Id).ToListAsync(ct);
        var rows = await db.CampaignTargets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new Row(t, t.Parent!.Parent!.Name, t.Parent!.Name, t.Region!.Name, t.Team!.Name))
            .ToDictionaryAsync(r => r.T.Id, ct);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    public static async Task<TargetDetail?> GetAsync(ShiganDb db, CurrentActor actor, int campaignId, long targetId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        var row = campaign is null ? null : await db.CampaignTargets.AsNoTracking().Where(t => t.Id == targetId && t.CampaignId == campaignId)
            .Select(t => new Row(t, t.Parent!.Parent!.Name, t.Parent!.Name, t.Region!.Name, t.Team!.Name)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var stages = campaign!.Stages;
        var mine = await MyTeamsAsync(db, actor, campaignId, ct);
        var history = await db.StageMoves.AsNoTracking().Where(m => m.TargetId == targetId).OrderBy(m => m.Id).ToListAsync(ct);
        var visits = await db.CampaignVisits.AsNoTracking().Where(v => v.TargetId == targetId).OrderByDescending(v => v.AtUtc).ThenByDescending(v => v.Id).ToListAsync(ct);
        return new TargetDetail(
            Item(row, stages, mine, actor),
            [.. history.Select(m => new StageMoveItem(m.Id, m.AtUtc, m.Kind, m.FromStage, StageRules.Name(stages, m.FromStage), m.ToStage, StageRules.Name(stages, m.ToStage), m.ActorName, m.Reason))],
            [.. visits.Select(v => new VisitItem(v.Id, v.AtUtc, v.Place, v.Outcome, v.NextStep, v.StageReached, v.StageReached is { } s ? StageRules.Name(stages, s) : null, v.ActorName))]);
    }

    /// <summary>The caller's teams in this campaign: their targets come first and make up "mine".</summary>
    public static async Task<List<int>> MyTeamsAsync(ShiganDb db, CurrentActor actor, int campaignId, CancellationToken ct) =>
        actor.UserId is { } me
            ? await db.CampaignTeamMembers.Where(m => m.UserId == me && m.Team!.CampaignId == campaignId).Select(m => m.TeamId).Distinct().ToListAsync(ct)
            : [];

    // Top is the parent's parent (a building's compound), when there is one.
    private sealed record Row(CampaignTarget T, string? Top, string? Parent, string Unit, string? Team);

    /// <summary>
    /// The target's groups as a person names it: compound and building (老街小区 1幢), or its hamlet or river alone. The
    /// building alone ("1幢") would name the same households in every compound.
    /// </summary>
    private static string Group(Row r) => string.Join(" ", new[] { r.Top, r.Parent }.Where(n => !string.IsNullOrEmpty(n)));

    private static TargetItem Item(Row r, IReadOnlyList<string> stages, List<int> mine, CurrentActor actor)
    {
        var clear = CampaignRoles.MayReadOwners(actor.Role);
        var t = r.T;
        return new TargetItem(
            t.Id, t.Key, t.Name, Group(r), t.Level, r.Unit,
            clear ? t.Owner : Blank(PersonNames.Mask(t.Owner)),
            clear ? t.Phone : Blank(PhoneNumbers.Mask(t.Phone)),
            t.People, t.Area, t.Stage, StageRules.Name(stages, t.Stage), t.StageSinceUtc, t.TeamId, r.Team,
            t.TeamId is { } team && mine.Contains(team), t.Version);
    }

    private static string? Blank(string masked) => masked.Length == 0 ? null : masked;
}
