using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Campaigns;

/// <summary>
/// The work on a target: stage moves (forward by anyone on the ground; back only by a campaign manager, with a reason)
/// and visits (which may carry a move). Each move is appended to the target's history in the same save.
/// </summary>
public sealed class CampaignWork(ShiganDb db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>A page's worth of buildings: enough for a whole compound, small enough for one transaction.</summary>
    public const int MaxTargetsAtOnce = 200;

    public async Task<(WorkOutcome Outcome, FieldErrors Errors)> MoveAsync(int campaignId, long targetId, StageInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("reason", input.Reason, StageMove.ReasonMaxLength);
        var (target, stages, refusal) = await FindAsync(campaignId, targetId, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        if (input.Stage is not { } to)
        {
            return (WorkOutcome.Invalid, errors.Add("stage", "请选择阶段"));
        }

        if (errors.Any)
        {
            return (WorkOutcome.Invalid, errors);
        }

        if (input.Version is { } version && version != target!.Version)
        {
            return (WorkOutcome.Conflict, errors.Add("version", "该对象已被他人更新，请刷新后重试"));
        }

        if (Refusal(target!, stages!.Count, to, input.Reason) is { } message)
        {
            return (message == "只有行动管理人员可以回退阶段" ? WorkOutcome.Forbidden : WorkOutcome.Invalid, errors.Add("stage", message));
        }

        Move(target!, to, input.Reason);
        return await SaveAsync(errors, ct);
    }

    public async Task<(WorkOutcome Outcome, FieldErrors Errors, long? VisitId)> VisitAsync(int campaignId, long targetId, VisitInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors()
            .Required("outcome", input.Outcome, CampaignVisit.TextMaxLength)
            .Optional("nextStep", input.NextStep, CampaignVisit.TextMaxLength);
        var (target, stages, refusal) = await FindAsync(campaignId, targetId, ct);
        if (refusal is { } no)
        {
            return (no, errors, null);
        }

        var place = input.Place ?? VisitPlace.Home;
        if (input.Place is null || !Enum.IsDefined(place))
        {
            errors.Add("place", "请选择走访方式");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A visit written up later in the day or the next; never in the future, never before the campaign.
        var at = input.AtUtc is { } given ? DateTime.SpecifyKind(given.ToUniversalTime(), DateTimeKind.Utc) : now;
        if (at > now.AddMinutes(5))
        {
            errors.Add("atUtc", "走访时间不能晚于现在");
        }
        else if (ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)) < await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.StartDate).SingleAsync(ct))
        {
            errors.Add("atUtc", "走访时间不能早于行动开始日期");
        }

        // Reaching the stage it already stands at is only a visit; a visit never takes a target back.
        var moves = input.StageReached is { } reached && reached != target!.Stage;
        if (moves && Refusal(target!, stages!.Count, input.StageReached!.Value, null, forwardOnly: true) is { } message)
        {
            errors.Add("stageReached", message);
        }
        else if (moves && !errors.Any && StageRules.CheckTime(at, await LastMoveAsync(target!.Id, ct)) != StageRefusal.None)
        {
            errors.Add("atUtc", "该对象在此时间之后已变更过阶段：带阶段的走访不能早于上次阶段变更");
        }

        if (errors.Any)
        {
            return (WorkOutcome.Invalid, errors, null);
        }

        var visit = new CampaignVisit
        {
            CampaignId = campaignId,
            TargetId = target!.Id,
            Target = target,
            AtUtc = at,
            Place = place,
            Outcome = input.Outcome!.Trim(),
            NextStep = string.IsNullOrWhiteSpace(input.NextStep) ? null : input.NextStep.Trim(),
            StageReached = input.StageReached,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            RegionPath = target.RegionPath,
        };
        db.CampaignVisits.Add(visit);
        if (moves)
        {
            // The move is dated as the visit, so the burn-up counts it on the day it happened.
            Move(target, input.StageReached!.Value, null, at);
        }

        var (outcome, saveErrors) = await SaveAsync(errors, ct);
        return (outcome, saveErrors, outcome == WorkOutcome.Done ? visit.Id : null);
    }

    /// <summary>Assigns a target to a team; a group (compound, building) takes its households with it.</summary>
    public async Task<(WorkOutcome Outcome, FieldErrors Errors)> AssignAsync(int campaignId, long targetId, AssignInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (!CampaignRoles.MayManage(actor.Role))
        {
            return (WorkOutcome.Forbidden, errors);
        }

        var target = await db.CampaignTargets.SingleOrDefaultAsync(t => t.Id == targetId && t.CampaignId == campaignId, ct);
        if (target is null)
        {
            return (WorkOutcome.NotFound, errors);
        }

        if (input.TeamId is { } teamId)
        {
            var teamPath = await db.CampaignTeams.Where(t => t.Id == teamId && t.CampaignId == campaignId).Select(t => t.RegionPath).SingleOrDefaultAsync(ct);
            if (teamPath is null)
            {
                return (WorkOutcome.Invalid, errors.Add("teamId", "工作组不存在"));
            }

            // As for buildings given to a team: its members could not see a target of another township.
            if (!target.RegionPath.StartsWith(teamPath, StringComparison.Ordinal))
            {
                return (WorkOutcome.Invalid, errors.Add("teamId", "对象不在该工作组所属乡镇"));
            }
        }

        foreach (var t in await WithEverythingBelowAsync([target], ct))
        {
            t.TeamId = input.TeamId;
            t.Version++;
        }

        return await SaveAsync(errors, ct);
    }

    /// <summary>
    /// Gives a team several targets at once, a building taking its households with it: one save, so either every
    /// target is the team's afterwards or, on any wrong id, none changed. A target must lie in the team's unit, or
    /// the team's members could not even see it.
    /// </summary>
    public async Task<(WorkOutcome Outcome, FieldErrors Errors)> AssignToTeamAsync(int campaignId, int teamId, TeamTargetsInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (!CampaignRoles.MayManage(actor.Role))
        {
            return (WorkOutcome.Forbidden, errors);
        }

        var team = await db.CampaignTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId && t.CampaignId == campaignId, ct);
        if (team is null)
        {
            return (WorkOutcome.NotFound, errors);
        }

        var ids = input.TargetIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > MaxTargetsAtOnce)
        {
            return (WorkOutcome.Invalid, errors.Add("targetIds", ids.Count == 0 ? "请选择楼幢或住户" : $"一次最多分配 {MaxTargetsAtOnce} 个对象"));
        }

        // Ids the caller cannot see read exactly as ids that do not exist.
        var targets = await db.CampaignTargets.Where(t => t.CampaignId == campaignId && ids.Contains(t.Id)).ToListAsync(ct);
        if (targets.Count != ids.Count)
        {
            return (WorkOutcome.Invalid, errors.Add("targetIds", "对象不存在"));
        }

        if (targets.Any(t => !t.RegionPath.StartsWith(team.RegionPath, StringComparison.Ordinal)))
        {
            return (WorkOutcome.Invalid, errors.Add("targetIds", "对象不在该工作组所属乡镇"));
        }

        foreach (var t in await WithEverythingBelowAsync(targets, ct))
        {
            if (t.TeamId != teamId)
            {
                t.TeamId = teamId;
                t.Version++;
            }
        }

        return await SaveAsync(errors, ct);
    }

    // Everything below the targets, level by level (at most three).
    private async Task<List<CampaignTarget>> WithEverythingBelowAsync(List<CampaignTarget> targets, CancellationToken ct)
    {
        var all = new List<CampaignTarget>(targets);
        var parents = targets.Select(t => t.Id).ToList();
        while (parents.Count > 0)
        {
            var children = await db.CampaignTargets.Where(t => t.ParentId != null && parents.Contains(t.ParentId.Value)).ToListAsync(ct);
            all.AddRange(children);
            parents = [.. children.Select(c => c.Id)];
        }

        return all;
    }

    private async Task<(CampaignTarget? Target, IReadOnlyList<string>? Stages, WorkOutcome? Refusal)> FindAsync(int campaignId, long targetId, CancellationToken ct)
    {
        var stages = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Stages).SingleOrDefaultAsync(ct);
        var target = stages is null ? null : await db.CampaignTargets.SingleOrDefaultAsync(t => t.Id == targetId && t.CampaignId == campaignId, ct);
        if (target is null)
        {
            return (null, null, WorkOutcome.NotFound);
        }

        return CampaignRoles.MayWork(actor.Role) ? (target, stages, null) : (null, null, WorkOutcome.Forbidden);
    }

    private string? Refusal(CampaignTarget target, int stageCount, int to, string? reason, bool forwardOnly = false)
    {
        var isLeaf = target.Level is TargetLevel.Household or TargetLevel.Section;
        var mayReverse = !forwardOnly && CampaignRoles.MayManage(actor.Role);
        return StageRules.Check(target.Stage, to, stageCount, isLeaf, mayReverse, reason) switch
        {
            StageRefusal.None => null,
            StageRefusal.UnknownStage => "没有这个阶段",
            StageRefusal.NoChange => "已处于该阶段",
            StageRefusal.NotALeaf => "小区、楼幢的进度由其住户决定",
            StageRefusal.ReasonRequired => "回退阶段须说明原因",
            _ => forwardOnly ? "阶段只能前进" : "只有行动管理人员可以回退阶段",
        };
    }

    private async Task<DateTime?> LastMoveAsync(long targetId, CancellationToken ct) =>
        await db.StageMoves.Where(m => m.TargetId == targetId).MaxAsync(m => (DateTime?)m.AtUtc, ct);

    private void Move(CampaignTarget target, int to, string? reason, DateTime? atUtc = null)
    {
        var now = atUtc ?? clock.GetUtcNow().UtcDateTime;
        db.StageMoves.Add(new StageMove
        {
            CampaignId = target.CampaignId,
            TargetId = target.Id,
            Target = target,
            AtUtc = now,
            Kind = StageRules.KindOf(target.Stage, to),
            FromStage = target.Stage,
            ToStage = to,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RegionPath = target.RegionPath,
        });
        target.Stage = to;
        target.StageSinceUtc = now;
        target.Version++;
    }

    private async Task<(WorkOutcome, FieldErrors)> SaveAsync(FieldErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return (WorkOutcome.Done, errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (WorkOutcome.Conflict, errors.Add("version", "该对象已被他人更新，请刷新后重试"));
        }
    }
}
