using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Data;
using Shigan.Data.Contests;
using Shigan.Web.Api;

namespace Shigan.Web.Contests;

/// <summary>What happened to a sheet command.</summary>
public enum SheetOutcome
{
    Done,
    NotFound,
    Refused,
    Conflict,
}

/// <summary>
/// A period's sheet: computed (a draft to review, computed again at will), published, corrected (a new version with a
/// reason, the old one kept), frozen. Figures are copied into the sheet when computed, so nothing changes them later.
/// </summary>
public static class SheetCommands
{
    public static async Task<(SheetOutcome Outcome, int? SheetId, FieldErrors Errors)> ComputeAsync(
        ShiganDb db, IndicatorSources sources, int contestId, ComputeInput input, string actorName, DateTime nowUtc,
        IDbContextFactory<ShiganDb> readers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contest = await LoadAsync(db, contestId, ct);
        if (contest is null)
        {
            return (SheetOutcome.NotFound, null, new FieldErrors());
        }

        var errors = new FieldErrors();
        if (CheckPeriod(contest, input.PeriodStart, nowUtc, errors) is not { } start)
        {
            return (SheetOutcome.Refused, null, errors);
        }

        var existing = await db.ScoreSheets.Where(s => s.ContestId == contestId && s.PeriodStart == start).ToListAsync(ct);
        if (existing.Any(s => s.Status == SheetStatus.Frozen))
        {
            return (SheetOutcome.Refused, null, errors.Add("periodStart", "该期评分表已冻结，不能再改"));
        }

        if (existing.Any(s => s.Status == SheetStatus.Published))
        {
            return (SheetOutcome.Refused, null, errors.Add("periodStart", "该期已发布；如需改动，请更正并说明原因"));
        }

        var sheet = await BuildAsync(db, sources, contest, start, actorName, nowUtc, errors, readers, ct);
        if (sheet is null)
        {
            return (SheetOutcome.Refused, null, errors);
        }

        foreach (var draft in existing.Where(s => s.Status == SheetStatus.Computed))
        {
            draft.Status = SheetStatus.Discarded;
            draft.Concurrency++;
        }

        sheet.Version = existing.Count == 0 ? 1 : existing.Max(s => s.Version) + 1;
        sheet.Status = SheetStatus.Computed;
        await SaveNewAsync(db, sheet, ct);
        return (SheetOutcome.Done, sheet.Id, errors);
    }

    public static async Task<(SheetOutcome Outcome, FieldErrors Errors)> PublishAsync(
        ShiganDb db, int contestId, int sheetId, PublishInput input, string actorName, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sheet = await db.ScoreSheets.Include(s => s.Rows).SingleOrDefaultAsync(s => s.Id == sheetId && s.ContestId == contestId, ct);
        var errors = new FieldErrors();
        if (sheet is null || sheet.Status == SheetStatus.Discarded)
        {
            return (SheetOutcome.NotFound, errors);
        }

        if (Unchangeable(sheet, errors))
        {
            return (SheetOutcome.Refused, errors);
        }

        if (input.Concurrency is { } seen && seen != sheet.Concurrency)
        {
            return (SheetOutcome.Conflict, errors.Add("concurrency", "评分表已被他人更改，请刷新后再试"));
        }

        if (IsEmpty(sheet))
        {
            return (SheetOutcome.Refused, errors.Add("sheet", "本期没有任何数据，不能发布"));
        }

        sheet.Status = SheetStatus.Published;
        sheet.PublishedAtUtc = nowUtc;
        sheet.PublishedByName = actorName;
        sheet.Concurrency++;
        await db.SaveChangesAsync(ct);
        return (SheetOutcome.Done, errors);
    }

    /// <summary>Computes the period again and publishes it at once as a new version with the reason; the old one is kept, superseded.</summary>
    public static async Task<(SheetOutcome Outcome, int? SheetId, FieldErrors Errors)> CorrectAsync(
        ShiganDb db, IndicatorSources sources, int contestId, int sheetId, CorrectInput input, string actorName, DateTime nowUtc,
        IDbContextFactory<ShiganDb> readers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var old = await db.ScoreSheets.SingleOrDefaultAsync(s => s.Id == sheetId && s.ContestId == contestId, ct);
        var errors = new FieldErrors();
        if (old is null || old.Status == SheetStatus.Discarded)
        {
            return (SheetOutcome.NotFound, null, errors);
        }

        if (old.Status == SheetStatus.Frozen)
        {
            return (SheetOutcome.Refused, null, errors.Add("sheet", "评分表已冻结，不能更正"));
        }

        if (old.Status != SheetStatus.Published)
        {
            return (SheetOutcome.Refused, null, errors.Add("sheet", "只能更正当前已发布的评分表"));
        }

        errors.Required("reason", input.Reason, ScoreSheet.ReasonMaxLength);
        if (input.Concurrency is { } seen && seen != old.Concurrency)
        {
            return (SheetOutcome.Conflict, null, errors.Add("concurrency", "评分表已被他人更改，请刷新后再试"));
        }

        if (errors.Any)
        {
            return (SheetOutcome.Refused, null, errors);
        }

        var contest = (await LoadAsync(db, contestId, ct))!;
        var sheet = await BuildAsync(db, sources, contest, old.PeriodStart, actorName, nowUtc, errors, readers, ct);
        if (sheet is null)
        {
            return (SheetOutcome.Refused, null, errors);
        }

        if (IsEmpty(sheet))
        {
            return (SheetOutcome.Refused, null, errors.Add("sheet", "本期没有任何数据，不能发布"));
        }

        sheet.Version = await db.ScoreSheets.Where(s => s.ContestId == contestId && s.PeriodStart == old.PeriodStart).MaxAsync(s => s.Version, ct) + 1;
        sheet.Status = SheetStatus.Published;
        sheet.Reason = input.Reason!.Trim();
        sheet.PublishedAtUtc = nowUtc;
        sheet.PublishedByName = actorName;
        old.Status = SheetStatus.Superseded;
        old.Concurrency++;

        // A draft of the same period computed before the correction would otherwise still wait to be published.
        foreach (var draft in await db.ScoreSheets.Where(s => s.ContestId == contestId && s.PeriodStart == old.PeriodStart && s.Status == SheetStatus.Computed).ToListAsync(ct))
        {
            draft.Status = SheetStatus.Discarded;
            draft.Concurrency++;
        }

        await SaveNewAsync(db, sheet, ct);
        return (SheetOutcome.Done, sheet.Id, errors);
    }

    /// <summary>
    /// The new sheet (and every other change made to the context) saved and audited through EF, then its rows written
    /// in bulk, in one transaction: all of it or nothing.
    /// </summary>
    public static async Task SaveNewAsync(ShiganDb db, ScoreSheet sheet, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = sheet.Rows;
        sheet.Rows = [];
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.ScoreSheets.Add(sheet);
            await db.SaveChangesAsync(ct);
            await ScoreRowWriter.InsertAsync(db, sheet.Id, rows, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        sheet.Rows = rows;
    }

    public static async Task<(SheetOutcome Outcome, FieldErrors Errors)> FreezeAsync(ShiganDb db, int contestId, int sheetId, DateTime nowUtc, CancellationToken ct = default)
    {
        var sheet = await db.ScoreSheets.SingleOrDefaultAsync(s => s.Id == sheetId && s.ContestId == contestId, ct);
        var errors = new FieldErrors();
        if (sheet is null || sheet.Status == SheetStatus.Discarded)
        {
            return (SheetOutcome.NotFound, errors);
        }

        if (sheet.Status != SheetStatus.Published)
        {
            return (SheetOutcome.Refused, errors.Add("sheet", sheet.Status == SheetStatus.Frozen ? "评分表已冻结" : "只能冻结当前已发布的评分表"));
        }

        sheet.Status = SheetStatus.Frozen;
        sheet.FrozenAtUtc = nowUtc;
        sheet.Concurrency++;
        await db.SaveChangesAsync(ct);
        return (SheetOutcome.Done, errors);
    }

    /// <summary>
    /// Computes a sheet (not saved): each indicator's raw values from its source or the judges, scored by the Core, with
    /// the previous period's published ranks. Null, with the reason in <paramref name="errors"/>, when it cannot be.
    /// </summary>
    public static async Task<ScoreSheet?> BuildAsync(
        ShiganDb db, IndicatorSources sources, Contest contest, DateOnly start, string actorName, DateTime nowUtc, FieldErrors errors,
        IDbContextFactory<ShiganDb> readers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(errors);
        var indicators = contest.Indicators.OrderBy(i => i.Order).ToList();
        var weights = Weights.Resolve([.. indicators.Select(i => i.Weight)], contest.NormaliseWeights);
        if (!weights.Ok)
        {
            errors.Add("weights", weights.Error!);
            return null;
        }

        // The judges' totals are read on a connection of their own, side by side with the participants and the computed
        // indicators (SQLite's readers do not wait for one another in WAL mode). Required, so no caller is slower unawares.
        ArgumentNullException.ThrowIfNull(readers);
        await using var judgesDb = await readers.CreateDbContextAsync(ct);
        var judgedRead = Task.Run(() => JudgeTotals.ReadAsync(judgesDb, contest.Id, start, contest.TrimJudgesAtLeast, ct), ct);
        try
        {
            return await BuildAsync(db, sources, contest, start, actorName, nowUtc, errors, indicators, weights, judgedRead, ct);
        }
        finally
        {
            // Not left running on a context about to be disposed when the build stops early.
            await judgedRead.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static async Task<ScoreSheet?> BuildAsync(
        ShiganDb db, IndicatorSources sources, Contest contest, DateOnly start, string actorName, DateTime nowUtc, FieldErrors errors,
        List<ContestIndicator> indicators, WeightCheck weights, Task<Dictionary<int, Dictionary<int, RawValue>>> judgedRead, CancellationToken ct)
    {
        // The participants as plain values (a province's are 25,547): ids, paths and names, not entities with their region.
        var participants = await db.ContestParticipants.IgnoreQueryFilters().AsNoTracking().Where(p => p.ContestId == contest.Id)
            .OrderBy(p => p.RegionId).Select(p => new { p.RegionId, p.UnitPath, p.Region!.Name }).ToListAsync(ct);
        if (participants.Count == 0)
        {
            errors.Add("participantIds", "至少需要两个参赛单位");
            return null;
        }

        var unitIds = participants.Select(p => p.RegionId).ToList();
        var units = participants.Select(p => new SourceUnit(p.RegionId, p.UnitPath)).ToList();
        var (fromUtc, toUtc) = ContestPeriod.UtcRange(contest.PeriodKind, start);

        // One query for every computed indicator: those of one family (on time and late) share what it read.
        var query = new SourceQuery(units, fromUtc, toUtc, nowUtc);
        var raw = new RawValue[indicators.Count][];
        var rules = new List<IndicatorRule>();
        for (var n = 0; n < indicators.Count; n++)
        {
            var indicator = indicators[n];
            rules.Add(indicator.ToRule(weights.Effective[n]));
            if (indicator.Source == SourceKind.Computed)
            {
                if (sources.Find(indicator.SourceCode) is not { } source)
                {
                    errors.Add("indicators", "没有这个计算指标");
                    return null;
                }

                var values = await source.ComputeAsync(db, query, ct);
                raw[n] = [.. unitIds.Select(u => values.GetValueOrDefault(u) ?? RawValue.None)];
            }
        }

        var judged = await judgedRead;
        for (var n = 0; n < indicators.Count; n++)
        {
            if (indicators[n].Source != SourceKind.Computed)
            {
                var values = judged.GetValueOrDefault(indicators[n].Id) ?? [];
                raw[n] = [.. unitIds.Select(u => values.GetValueOrDefault(u) ?? RawValue.None)];
            }
        }

        var previous = await PreviousRanksAsync(db, contest, start, ct);
        var table = Scorer.Score(rules, unitIds, [.. raw.Select(column => column.Select(v => v.Value).ToArray())]);
        return new ScoreSheet
        {
            ContestId = contest.Id,
            PeriodStart = start,
            ComputedAtUtc = nowUtc,
            ComputedByName = actorName,
            RegionPath = contest.RegionPath,
            Indicators = [.. indicators.Select((i, n) => new SheetIndicator(
                i.Id, i.Name, i.Dimension, i.CustomDimension, weights.Effective[n], i.Direction, i.Normalisation, i.Target, i.Cap, i.Source, i.SourceCode, i.Missing))],
            Rows = [.. table.Order.Select(p => new ScoreRow
            {
                RegionId = unitIds[p],
                UnitName = participants[p].Name,
                Total = table.Totals[p],
                Rank = table.Ranks[p],
                PreviousRank = previous.TryGetValue(unitIds[p], out var before) ? before : null,
                Cells = CellsOf(rules, raw, table, p),
                RegionPath = contest.RegionPath,
            })],
        };
    }

    // One list of the right size per row (a province's sheet has 25,547): no list grown four times, no enumerator.
    private static List<ScoreCell> CellsOf(List<IndicatorRule> rules, RawValue[][] raw, ScoreTable table, int participant)
    {
        var cells = new List<ScoreCell>(rules.Count);
        for (var n = 0; n < rules.Count; n++)
        {
            cells.Add(Scorer.Cell(rules[n], raw[n][participant], table, n, participant));
        }

        return cells;
    }

    /// <summary>The ranks in the current sheet (published or frozen) of the period before.</summary>
    public static async Task<Dictionary<int, int>> PreviousRanksAsync(ShiganDb db, Contest contest, DateOnly start, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var before = ContestPeriod.Previous(contest.PeriodKind, start);
        return await ContestAccess.Sheets(db, contest.Id)
            .Where(s => s.PeriodStart == before && (s.Status == SheetStatus.Published || s.Status == SheetStatus.Frozen))
            .SelectMany(s => s.Rows)
            .Select(r => new { r.RegionId, r.Rank })
            .ToDictionaryAsync(r => r.RegionId, r => r.Rank, ct);
    }

    private static Task<Contest?> LoadAsync(ShiganDb db, int contestId, CancellationToken ct) =>
        ContestAccess.Managed(db).AsNoTracking().Include(c => c.Indicators).SingleOrDefaultAsync(c => c.Id == contestId, ct);

    /// <summary>A period is named by its first day, and must have begun (China time).</summary>
    public static DateOnly? CheckPeriod(Contest contest, DateOnly? periodStart, DateTime nowUtc, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(errors);
        if (periodStart is not { } start || !ContestPeriod.IsStart(contest.PeriodKind, start))
        {
            errors.Add("periodStart", contest.PeriodKind == PeriodKind.Week ? "请选择一周的第一天（星期一）" : "请选择一个月的第一天");
            return null;
        }

        if (start > ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)))
        {
            errors.Add("periodStart", "该期尚未开始");
            return null;
        }

        return start;
    }

    private static bool Unchangeable(ScoreSheet sheet, FieldErrors errors)
    {
        var message = sheet.Status switch
        {
            SheetStatus.Published => "评分表已发布，不能再改；如需改动，请更正并说明原因",
            SheetStatus.Frozen => "评分表已冻结，不能再改",
            SheetStatus.Superseded => "该版本已被更正，不能再改",
            _ => null,
        };
        if (message is not null)
        {
            errors.Add("sheet", message);
        }

        return message is not null;
    }

    // Nothing recorded at all: every figure missing, or a zero with no record behind it (no case, no judge's score).
    private static bool IsEmpty(ScoreSheet sheet) => sheet.Rows.All(r => r.Cells.All(c => c.Missing || (c.Raw == 0 && c.Behind == 0)));
}
