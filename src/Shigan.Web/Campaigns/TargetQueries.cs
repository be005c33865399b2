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

        // Numbers in names in numeric order (龙头街/2号 before 龙头街/19号, 9幢 before 10幢), which neither database's
        // text order gives and no stored column holds: the listed targets' keys (an id, a key and a team each) are read
        // and the page picked here, by a partial sort; then only the page's rows are read in full.
        var (skip, take, number, pageSize) = Paging.Window(page, size);
        var keys = await query.Select(t => new Listed(t.Id, t.Key, t.TeamId)).ToListAsync(ct);
        var ids = keys
            .OrderByDescending(k => k.TeamId is { } team && mine.Contains(team))
            .ThenBy(k => k.Key, NaturalOrder.Instance)
            .ThenBy(k => k.Id)
            .Skip(skip).Take(take)
            .Select(k => k.Id)
            .ToList();
        var rows = await db.CampaignTargets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new Row(t, t.Parent!.Parent!.Name, t.Parent!.Name, t.Region!.Name, t.Team!.Name))
            .ToDictionaryAsync(r => r.T.Id, ct);
        return new Page<TargetItem>([.. ids.Where(rows.ContainsKey).Select(id => Item(rows[id], campaign.Stages, mine, actor))], keys.Count, number, pageSize);
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

    private sealed record Listed(long Id, string Key, int? TeamId);

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
