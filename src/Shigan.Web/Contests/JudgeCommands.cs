using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data;
using Shigan.Data.Contests;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Contests;

/// <summary>
/// A judge's on-site score: only an invited judge, only on a judges' indicator, never for the unit they come from,
/// within the contest's range, once per participant, indicator and period, and not once the period is frozen.
/// </summary>
public static class JudgeCommands
{
    public static async Task<(SheetOutcome Outcome, FieldErrors Errors)> ScoreAsync(
        ShiganDb db, CurrentActor actor, int contestId, JudgeScoreInput input, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var contest = await ContestAccess.Readable(db).AsNoTracking().Include(c => c.Participants).Include(c => c.Indicators).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return (SheetOutcome.NotFound, errors);
        }

        var invitation = actor.UserId is { } me
            ? await db.ContestJudges.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(j => j.ContestId == contestId && j.UserId == me, ct)
            : null;
        if (invitation is null)
        {
            return (SheetOutcome.Conflict, errors.Add("judge", "未受邀担任该赛马的评委"));
        }

        if (SheetCommands.CheckPeriod(contest, input.PeriodStart, nowUtc, errors) is not { } start)
        {
            return (SheetOutcome.Refused, errors);
        }

        var indicator = contest.Indicators.SingleOrDefault(i => i.Id == input.IndicatorId);
        if (indicator is null || indicator.Source != SourceKind.Judges)
        {
            errors.Add("indicatorId", "该指标不由评委打分");
        }

        var participant = contest.Participants.SingleOrDefault(p => p.RegionId == input.RegionId);
        if (participant is null)
        {
            errors.Add("regionId", "不是该赛马的参赛单位");
        }
        else if (ContestRules.IsOwnUnit(invitation.HomePath, participant.UnitPath))
        {
            errors.Add("regionId", "评委不能给本单位打分");
        }

        if (input.Score is not { } score || !JudgePanel.InRange(score, contest.JudgeScoreMin, contest.JudgeScoreMax) || decimal.Round(score, 2) != score)
        {
            errors.Add("score", "分数超出本赛马的评分范围");
        }

        if (errors.Any)
        {
            return (SheetOutcome.Refused, errors);
        }

        if (await ContestAccess.Sheets(db, contestId).AnyAsync(s => s.PeriodStart == start && s.Status == SheetStatus.Frozen, ct))
        {
            return (SheetOutcome.Refused, errors.Add("periodStart", "该期评分表已冻结，不能再打分"));
        }

        if (await db.JudgeScores.IgnoreQueryFilters().AnyAsync(
                s => s.ContestId == contestId && s.PeriodStart == start && s.IndicatorId == indicator!.Id && s.ParticipantRegionId == participant!.RegionId && s.JudgeId == invitation.UserId, ct))
        {
            return (SheetOutcome.Refused, errors.Add("score", "已给该单位的这一指标打过分，不能重复打分"));
        }

        db.JudgeScores.Add(new JudgeScore
        {
            ContestId = contestId,
            PeriodStart = start,
            IndicatorId = indicator!.Id,
            ParticipantRegionId = participant!.RegionId,
            JudgeId = invitation.UserId,
            JudgeName = invitation.JudgeName,
            Score = input.Score!.Value,
            AtUtc = nowUtc,
            RegionPath = contest.RegionPath,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same score sent twice at once: the unique index let one in.
            return (SheetOutcome.Refused, errors.Add("score", "已给该单位的这一指标打过分，不能重复打分"));
        }

        return (SheetOutcome.Done, errors);
    }
}
