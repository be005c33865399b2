using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Data.Contests;
using Shigan.Web.Api;

namespace Shigan.Web.Contests;

/// <summary>
/// Defining a contest: its organiser (a unit the user sees), participants below it, indicators whose weights add up
/// to 100 unless the contest says to rescale them. Published sheets keep their own copy, so a change here alters
/// only the sheets computed after it.
/// </summary>
public static class ContestCommands
{
    public const int MaxIndicators = 30;

    public static async Task<(ContestDetail? Contest, FieldErrors Errors)> CreateAsync(
        ShiganDb db, IndicatorSources sources, ContestInput input, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var organiser = input.RegionId is { } rid ? await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (organiser is null)
        {
            return (null, errors.Add("regionId", "所属单位不存在"));
        }

        var contest = new Contest { Name = "", RegionId = organiser.Id, RegionPath = organiser.RegionPath, CreatedAtUtc = nowUtc };
        await ApplyAsync(db, sources, contest, organiser, input, errors, ct);
        if (errors.Any)
        {
            return (null, errors);
        }

        db.Contests.Add(contest);
        await db.SaveChangesAsync(ct);
        return (await ContestQueries.DetailAsync(db, contest.Id, null, ct), errors);
    }

    /// <summary>The organiser stays; everything else may change. Null when the contest is not the user's to manage.</summary>
    public static async Task<(ContestDetail? Contest, FieldErrors Errors)> UpdateAsync(
        ShiganDb db, IndicatorSources sources, int contestId, ContestInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contest = await ContestAccess.Managed(db).Include(c => c.Participants).Include(c => c.Indicators).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return (null, new FieldErrors());
        }

        var organiser = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == contest.RegionId, ct);
        var errors = new FieldErrors();
        await ApplyAsync(db, sources, contest, organiser, input, errors, ct);
        if (errors.Any)
        {
            return (null, errors);
        }

        await db.SaveChangesAsync(ct);
        return (await ContestQueries.DetailAsync(db, contest.Id, null, ct), errors);
    }

    public static async Task<(bool Found, FieldErrors Errors)> InviteJudgeAsync(ShiganDb db, int contestId, JudgeInvite input, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contest = await ContestAccess.Managed(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return (false, new FieldErrors());
        }

        // An account id is a GUID: anything longer or with control characters is no account (and PostgreSQL refuses NUL).
        var errors = new FieldErrors().Required("userId", input.UserId, 64);
        if (errors.Any)
        {
            return (true, errors);
        }

        // Judges' accounts sit at the county or a township, often above the organiser: looked up past the scope, judges only.
        var judge = string.IsNullOrWhiteSpace(input.UserId) ? null
            : await db.Users.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.UserId && u.Role == Role.Judge && !u.IsDisabled, ct);
        if (judge is null)
        {
            return (true, errors.Add("userId", "评委账号不存在"));
        }

        // Their scores are written under the contest's unit, so their own unit must be the organiser or above it.
        if (!RegionPaths.IsAtOrBelow(contest.RegionPath, judge.RegionPath))
        {
            return (true, errors.Add("userId", "评委账号须属于主办单位或其上级"));
        }

        var home = await db.Regions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.Id == (input.HomeRegionId ?? judge.RegionId), ct);
        if (home is null)
        {
            return (true, errors.Add("homeRegionId", "所属单位不存在"));
        }

        if (await db.ContestJudges.AnyAsync(j => j.ContestId == contestId && j.UserId == judge.Id, ct))
        {
            return (true, errors.Add("userId", "已邀请该评委"));
        }

        db.ContestJudges.Add(new ContestJudge
        {
            ContestId = contestId,
            UserId = judge.Id,
            JudgeName = judge.DisplayName,
            HomeRegionId = home.Id,
            HomePath = home.RegionPath,
            InvitedAtUtc = nowUtc,
            RegionPath = contest.RegionPath,
        });
        await db.SaveChangesAsync(ct);
        return (true, errors);
    }

    private static async Task ApplyAsync(
        ShiganDb db, IndicatorSources sources, Contest contest, Region organiser, ContestInput input, FieldErrors errors, CancellationToken ct)
    {
        errors.Required("name", input.Name, Contest.NameMaxLength).Optional("description", input.Description, Contest.DescriptionMaxLength);
        if (input.PeriodKind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("periodKind", "请选择周期");
        }

        var min = input.JudgeScoreMin ?? 0m;
        var max = input.JudgeScoreMax ?? 100m;
        if (min < 0 || max <= min || max > 1000)
        {
            errors.Add("judgeScoreMax", "评分范围不正确");
        }

        var trim = input.TrimJudgesAtLeast ?? JudgePanel.DefaultTrimAtLeast;
        if (trim is < 3 or > 99)
        {
            errors.Add("trimJudgesAtLeast", "去掉最高最低分的评委人数应在 3 到 99 之间");
        }

        var ids = (input.ParticipantIds ?? []).Distinct().ToList();
        var units = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (ids.Count < 2)
        {
            errors.Add("participantIds", "至少需要两个参赛单位");
        }
        else if (units.Count != ids.Count || units.Any(u => !ContestRules.MayTakePart(organiser.RegionPath, u.RegionPath)))
        {
            errors.Add("participantIds", "参赛单位须是主办单位的下级单位");
        }
        else if (units.Any(a => units.Any(b => a.Id != b.Id && RegionPaths.IsAtOrBelow(a.RegionPath, b.RegionPath))))
        {
            errors.Add("participantIds", "参赛单位之间不能互相包含");
        }

        var indicators = input.Indicators ?? [];
        if (indicators.Count == 0)
        {
            errors.Add("indicators", "至少需要一个指标");
        }
        else if (indicators.Count > MaxIndicators)
        {
            errors.Add("indicators", $"最多 {MaxIndicators} 个指标");
        }
        else
        {
            CheckIndicators(sources, indicators, errors);
            var weights = Weights.Resolve([.. indicators.Select(i => i.Weight ?? 0m)], input.NormaliseWeights == true);
            if (!weights.Ok)
            {
                errors.Add("weights", weights.Error!);
            }
        }

        if (errors.Any)
        {
            return;
        }

        contest.Name = input.Name!.Trim();
        contest.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        contest.PeriodKind = input.PeriodKind!.Value;
        contest.NormaliseWeights = input.NormaliseWeights == true;
        contest.TrimJudgesAtLeast = trim;
        contest.JudgeScoreMin = min;
        contest.JudgeScoreMax = max;

        // Participants are matched by unit, so a unit staying in keeps its row; indicators by position, so judges'
        // scores stay with the indicator they were given for.
        contest.Participants.RemoveAll(p => !ids.Contains(p.RegionId));
        foreach (var unit in units.Where(u => contest.Participants.All(p => p.RegionId != u.Id)))
        {
            contest.Participants.Add(new ContestParticipant { RegionId = unit.Id, UnitPath = unit.RegionPath });
        }

        var existing = contest.Indicators.OrderBy(i => i.Order).ToList();
        for (var n = 0; n < indicators.Count; n++)
        {
            var target = n < existing.Count ? existing[n] : new ContestIndicator { Name = "" };
            Fill(target, indicators[n], n);
            if (n >= existing.Count)
            {
                contest.Indicators.Add(target);
            }
        }

        foreach (var gone in existing.Skip(indicators.Count))
        {
            contest.Indicators.Remove(gone);
        }
    }

    private static void CheckIndicators(IndicatorSources sources, List<IndicatorInput> indicators, FieldErrors errors)
    {
        for (var n = 0; n < indicators.Count; n++)
        {
            var i = indicators[n];
            var field = $"indicators[{n}]";
            errors.Required($"{field}.name", i.Name, ContestIndicator.NameMaxLength);
            if (i.Dimension is not { } dimension || !Enum.IsDefined(dimension))
            {
                errors.Add($"{field}.dimension", "请选择维度");
            }
            else if (dimension == Dimension.Custom)
            {
                errors.Required($"{field}.customDimension", i.CustomDimension, ContestIndicator.NameMaxLength);
            }

            if (i.Weight is not > 0)
            {
                errors.Add($"{field}.weight", "权重必须大于 0");
            }

            if (i.Direction is not { } direction || !Enum.IsDefined(direction))
            {
                errors.Add($"{field}.direction", "请选择方向");
            }

            if (i.Normalisation is not { } normalisation || !Enum.IsDefined(normalisation))
            {
                errors.Add($"{field}.normalisation", "请选择标准化方式");
            }
            else if (normalisation == Normalisation.Target && (i.Target is not { } target || target < 0 || (target == 0 && i.Direction == Direction.HigherIsBetter)))
            {
                errors.Add($"{field}.target", "对标目标须填写目标值");
            }

            // Declared on every indicator: a participant without data is never silently given a zero.
            if (i.Missing is not { } missing || !Enum.IsDefined(missing))
            {
                errors.Add($"{field}.missing", "请选择无数据时的规则");
            }

            if (i.Source is not { } source || !Enum.IsDefined(source))
            {
                errors.Add($"{field}.source", "请选择数据来源");
            }
            else if (source == SourceKind.Computed && sources.Find(i.SourceCode) is null)
            {
                errors.Add($"{field}.sourceCode", "没有这个计算指标");
            }
        }
    }

    private static void Fill(ContestIndicator target, IndicatorInput i, int order)
    {
        target.Order = order;
        target.Name = i.Name!.Trim();
        target.Dimension = i.Dimension!.Value;
        target.CustomDimension = i.Dimension == Dimension.Custom ? i.CustomDimension!.Trim() : null;
        target.Weight = i.Weight!.Value;
        target.Direction = i.Direction!.Value;
        target.Normalisation = i.Normalisation!.Value;
        target.Target = i.Normalisation == Normalisation.Target ? i.Target : null;
        target.Cap = i.Cap;
        target.Source = i.Source!.Value;
        target.SourceCode = i.Source == SourceKind.Computed ? i.SourceCode : null;
        target.Missing = i.Missing!.Value;
    }
}
