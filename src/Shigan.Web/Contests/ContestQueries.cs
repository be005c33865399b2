using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Data;
using Shigan.Data.Contests;
using Shigan.Web.Api;

namespace Shigan.Web.Contests;

/// <summary>Reading contests and their sheets, as far as <see cref="ContestAccess"/> lets the actor.</summary>
public static class ContestQueries
{
    /// <summary>What everyone may read of a period: the published versions, current or corrected.</summary>
    private static readonly SheetStatus[] Public = [SheetStatus.Published, SheetStatus.Frozen, SheetStatus.Superseded];

    /// <summary>The contests the actor reads; with <paramref name="regionId"/>, those it organises or takes part in.</summary>
    public static async Task<Page<ContestSummary>> ListAsync(ShiganDb db, int? regionId, int? page, int? size, CancellationToken ct = default)
    {
        var start = db.Actor.Scope.RangeStart;
        var end = db.Actor.Scope.RangeEnd;
        var contests = ContestAccess.Readable(db).AsNoTracking().Where(c => c.IsActive);
        if (regionId is { } unit)
        {
            contests = contests.Where(c => c.RegionId == unit || c.Participants.Any(p => p.RegionId == unit));
        }

#pragma warning disable CA1309 // translated to SQL's >= and <, the bytewise order the path index keeps
        return await contests.OrderBy(c => c.RegionPath).ThenBy(c => c.Id)
            .Select(c => new ContestSummary(
                c.Id, c.Name, c.Region!.Name, c.PeriodKind, c.Participants.Count, c.Indicators.Count,
                string.Compare(c.RegionPath, start) >= 0 && string.Compare(c.RegionPath, end) < 0))
            .ToPageAsync(page, size, ct);
#pragma warning restore CA1309
    }

    public static async Task<ContestDetail?> DetailAsync(ShiganDb db, int contestId, string? userId, CancellationToken ct = default)
    {
        var contest = await ContestAccess.Readable(db).AsNoTracking().Include(c => c.Participants).Include(c => c.Indicators).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }

        var regionIds = contest.Participants.Select(p => p.RegionId).Append(contest.RegionId).ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var judges = await db.ContestJudges.IgnoreQueryFilters().AsNoTracking().Where(j => j.ContestId == contestId).OrderBy(j => j.Id).ToListAsync(ct);
        var homes = judges.Select(j => j.HomeRegionId).Distinct().ToList();
        var homeNames = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => homes.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return new ContestDetail(
            contest.Id, contest.Name, contest.Description, contest.RegionId, names.GetValueOrDefault(contest.RegionId, ""), contest.PeriodKind,
            contest.NormaliseWeights, contest.TrimJudgesAtLeast, contest.JudgeScoreMin, contest.JudgeScoreMax,
            ContestAccess.Manages(db, contest), userId is not null && judges.Any(j => j.UserId == userId),
            [.. contest.Participants.Select(p => new ParticipantItem(p.RegionId, names.GetValueOrDefault(p.RegionId, ""))).OrderBy(p => p.Name, StringComparer.Ordinal)],
            [.. contest.Indicators.OrderBy(i => i.Order).Select(i => new IndicatorItem(
                i.Id, i.Name, i.Dimension, i.CustomDimension, i.Weight, i.Direction, i.Normalisation, i.Target, i.Cap, i.Source, i.SourceCode, i.Missing))],
            [.. judges.Select(j => new JudgeItem(j.UserId, j.JudgeName, homeNames.GetValueOrDefault(j.HomeRegionId, "")))]);
    }

    /// <summary>The periods up to today, newest first, with each one's current sheet (a draft only for those who manage it).</summary>
    public static async Task<List<PeriodItem>?> PeriodsAsync(ShiganDb db, int contestId, DateTime nowUtc, int count = 26, CancellationToken ct = default)
    {
        var contest = await ContestAccess.Readable(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }

        var manages = ContestAccess.Manages(db, contest);
        var sheets = await ContestAccess.Sheets(db, contestId).AsNoTracking()
            .Where(s => s.Status == SheetStatus.Published || s.Status == SheetStatus.Frozen || (manages && s.Status == SheetStatus.Computed))
            .Select(s => new { s.Id, s.PeriodStart, s.Status, s.Version })
            .ToListAsync(ct);
        var current = ContestPeriod.StartOf(contest.PeriodKind, ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)));
        var periods = new List<PeriodItem>();
        for (var start = current; periods.Count < count; start = ContestPeriod.Previous(contest.PeriodKind, start))
        {
            // The published sheet is the period's; a newer draft (before a first publication) shows only to managers.
            var sheet = sheets.Where(s => s.PeriodStart == start).OrderBy(s => s.Status == SheetStatus.Computed ? 1 : 0).ThenByDescending(s => s.Version).FirstOrDefault();
            periods.Add(new PeriodItem(start, ContestPeriod.Label(contest.PeriodKind, start), ContestPeriod.Days(contest.PeriodKind, start), sheet?.Id, sheet?.Status, sheet?.Version));
        }

        return periods;
    }

    public static async Task<SheetView?> SheetAsync(ShiganDb db, int contestId, int sheetId, CancellationToken ct = default)
    {
        var contest = await ContestAccess.Readable(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }

        var manages = ContestAccess.Manages(db, contest);
        var sheet = await ContestAccess.Sheets(db, contestId).AsNoTracking().Include(s => s.Rows).SingleOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null || !(Public.Contains(sheet.Status) || (manages && sheet.Status == SheetStatus.Computed)))
        {
            return null;
        }

        var versions = await ContestAccess.Sheets(db, contestId).AsNoTracking()
            .Where(s => s.PeriodStart == sheet.PeriodStart && (Public.Contains(s.Status) || (manages && s.Status == SheetStatus.Computed)))
            .OrderBy(s => s.Version)
            .Select(s => new SheetVersion(s.Id, s.Version, s.Status, s.Reason, s.PublishedAtUtc))
            .ToListAsync(ct);
        return new SheetView(
            sheet.Id, contest.Id, contest.Name, contest.PeriodKind, sheet.PeriodStart, ContestPeriod.Label(contest.PeriodKind, sheet.PeriodStart),
            ContestPeriod.Days(contest.PeriodKind, sheet.PeriodStart), sheet.Version, sheet.Status, sheet.Reason, sheet.ComputedAtUtc,
            sheet.PublishedAtUtc, sheet.PublishedByName, sheet.Concurrency, manages, sheet.Indicators,
            [.. sheet.Rows.OrderBy(r => r.Rank).ThenBy(r => r.UnitName, StringComparer.Ordinal).Select(Row)],
            versions);
    }

    /// <summary>
    /// Why A and B are apart: the gap by indicator, and the records behind each side's figure. Only the two rows are
    /// read; the records of a computed figure are read now from its source, for the sheet's period as it was computed.
    /// </summary>
    public static async Task<ExplainView?> ExplainAsync(ShiganDb db, IndicatorSources sources, int contestId, int sheetId, int a, int b, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var contest = await ContestAccess.Readable(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }

        var manages = ContestAccess.Manages(db, contest);
        var sheet = await ContestAccess.Sheets(db, contestId).AsNoTracking().SingleOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null || !(Public.Contains(sheet.Status) || (manages && sheet.Status == SheetStatus.Computed)))
        {
            return null;
        }

        var rows = await db.ScoreRows.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SheetId == sheetId && (r.RegionId == a || r.RegionId == b))
            .ToDictionaryAsync(r => r.RegionId, ct);
        if (rows.GetValueOrDefault(a) is not { } rowA || rows.GetValueOrDefault(b) is not { } rowB)
        {
            return null;
        }

        var gap = GapExplanation.Explain(rowA.Cells, rowB.Cells);
        var indicators = sheet.Indicators.ToDictionary(i => i.Id);
        var kinds = sheet.Indicators.ToDictionary(i => i.Id, i => KindOf(sources, i));
        var records = await RecordsBehindAsync(db, sources, contest.PeriodKind, sheet, indicators, [rowA, rowB], ct);
        var links = await RecordLinksAsync(db, kinds, records, ct);
        IReadOnlyList<RecordLink> Side(GapPart part, ScoreRow row, ScoreCell? cell) =>
            cell is null ? [] : Links(links, kinds.GetValueOrDefault(part.IndicatorId), records.GetValueOrDefault((part.IndicatorId, row.RegionId)) ?? []);
        return new ExplainView(
            sheet.Id, sheet.ContestId, contest.Name, ContestPeriod.Label(contest.PeriodKind, sheet.PeriodStart), rowA.RegionId, rowA.UnitName, rowA.Total, rowA.Rank,
            rowB.RegionId, rowB.UnitName, rowB.Total, rowB.Rank, gap.Total,
            [.. gap.Parts.Select(p =>
            {
                var indicator = indicators.GetValueOrDefault(p.IndicatorId);
                return new ExplainPart(
                    p.IndicatorId, indicator?.Name ?? "", indicator?.Weight ?? 0m, p.A?.Raw, p.B?.Raw, p.A?.Points ?? 0m, p.B?.Points ?? 0m, p.Points,
                    indicator is null ? null : RecordsAre(sources, indicator),
                    Side(p, rowA, p.A), Side(p, rowB, p.B));
            })]);
    }

    // The ids behind each of the rows' cells: listed in the cell (judges' scores, sheets computed before the sources
    // counted), or read from the computed indicator's source for the row's unit. One read per source and unit.
    private static async Task<Dictionary<(int Indicator, int Region), IReadOnlyList<long>>> RecordsBehindAsync(
        ShiganDb db, IndicatorSources sources, PeriodKind kind, ScoreSheet sheet, Dictionary<int, SheetIndicator> indicators,
        IReadOnlyList<ScoreRow> rows, CancellationToken ct)
    {
        var regionIds = rows.Select(r => r.RegionId).ToList();
        var paths = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.RegionPath, ct);
        var (fromUtc, toUtc) = ContestPeriod.UtcRange(kind, sheet.PeriodStart);
        var read = new Dictionary<(string Source, int Region), IReadOnlyList<long>>();
        var result = new Dictionary<(int, int), IReadOnlyList<long>>();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                if (cell.RecordCount is not > 0 || cell.Records.Count > 0)
                {
                    result[(cell.IndicatorId, row.RegionId)] = cell.Records;
                    continue;
                }

                var indicator = indicators.GetValueOrDefault(cell.IndicatorId);
                if (indicator?.Source == SourceKind.Judges)
                {
                    result[(cell.IndicatorId, row.RegionId)] = await db.JudgeScores.IgnoreQueryFilters().AsNoTracking()
                        .Where(s => s.ContestId == sheet.ContestId && s.IndicatorId == cell.IndicatorId && s.PeriodStart == sheet.PeriodStart && s.ParticipantRegionId == row.RegionId)
                        .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
                    continue;
                }

                if (sources.Find(indicator?.SourceCode) is not { } source || !paths.TryGetValue(row.RegionId, out var path))
                {
                    continue;
                }

                if (!read.TryGetValue((source.Code, row.RegionId), out var ids))
                {
                    var unit = new SourceUnit(row.RegionId, path);
                    ids = await source.RecordsAsync(db, new SourceQuery([unit], fromUtc, toUtc, sheet.ComputedAtUtc), unit, ct);
                    read[(source.Code, row.RegionId)] = ids;
                }

                result[(cell.IndicatorId, row.RegionId)] = ids;
            }
        }

        return result;
    }

    /// <summary>A participant's rank in each published period, oldest first.</summary>
    public static async Task<HistoryView?> HistoryAsync(ShiganDb db, int contestId, int regionId, CancellationToken ct = default)
    {
        var contest = await ContestAccess.Readable(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return null;
        }

        // Row counts and the unit's row per sheet; decimals are read as they are stored (SQLite cannot compare them in SQL).
        var sheets = await ContestAccess.Sheets(db, contestId).AsNoTracking()
            .Where(s => s.Status == SheetStatus.Published || s.Status == SheetStatus.Frozen)
            .Select(s => new { s.Id, s.PeriodStart, Of = s.Rows.Count })
            .ToListAsync(ct);
        var ids = sheets.Select(s => s.Id).ToList();
        var rows = await db.ScoreRows.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.RegionId == regionId && ids.Contains(r.SheetId))
            .Select(r => new { r.SheetId, r.Rank, r.Total, r.PreviousRank, r.UnitName })
            .ToDictionaryAsync(r => r.SheetId, ct);
        var points = sheets.Where(s => rows.ContainsKey(s.Id)).Select(s => new
        {
            s.Id,
            s.PeriodStart,
            rows[s.Id].Rank,
            rows[s.Id].Total,
            rows[s.Id].PreviousRank,
            rows[s.Id].UnitName,
            s.Of,
        }).ToList();
        if (points.Count == 0 && !await db.ContestParticipants.AnyAsync(p => p.ContestId == contestId && p.RegionId == regionId, ct))
        {
            return null;
        }

        var name = points.Count > 0 ? points[0].UnitName
            : await db.Regions.IgnoreQueryFilters().Where(r => r.Id == regionId).Select(r => r.Name).SingleAsync(ct);
        return new HistoryView(contest.Id, contest.Name, regionId, name, [.. points.OrderBy(p => p.PeriodStart).Select(p => new HistoryPoint(
            p.PeriodStart, ContestPeriod.Label(contest.PeriodKind, p.PeriodStart), p.Id, p.Rank, p.Of, p.Total, p.PreviousRank is { } before ? before - p.Rank : null))]);
    }

    /// <summary>For the arena: each readable contest's latest published sheet.</summary>
    public static async Task<List<ArenaBoard>> ArenaAsync(ShiganDb db, CancellationToken ct = default)
    {
        var contests = await ContestAccess.Readable(db).AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.RegionPath).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.PeriodKind }).ToListAsync(ct);
        var boards = new List<ArenaBoard>();
        foreach (var contest in contests)
        {
            var sheet = await ContestAccess.Sheets(db, contest.Id).AsNoTracking().Include(s => s.Rows)
                .Where(s => s.Status == SheetStatus.Published || s.Status == SheetStatus.Frozen)
                .OrderByDescending(s => s.PeriodStart).ThenByDescending(s => s.Version)
                .FirstOrDefaultAsync(ct);
            if (sheet is not null)
            {
                boards.Add(new ArenaBoard(contest.Id, contest.Name, ContestPeriod.Label(contest.PeriodKind, sheet.PeriodStart), sheet.Id,
                    [.. sheet.Rows.OrderBy(r => r.Rank).ThenBy(r => r.UnitName, StringComparer.Ordinal).Select(Row)]));
            }
        }

        return boards;
    }

    public static string RecordsAre(IndicatorSources sources, SheetIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Source == SourceKind.Judges ? "评委打分" : sources.Find(indicator.SourceCode)?.RecordsAre ?? "";
    }

    private static RowView Row(ScoreRow r) => new(r.RegionId, r.UnitName, r.Total, r.Rank, r.PreviousRank, r.RankChange, r.Cells);

    private const string JudgeScore = "judge-score";

    // What a cell's record ids are: judges' scores, or the records of the indicator's source (cases, applications…).
    private static string KindOf(IndicatorSources sources, SheetIndicator indicator) =>
        indicator.Source == SourceKind.Judges ? JudgeScore : sources.Find(indicator.SourceCode)?.RecordKind ?? "case";

    private static IReadOnlyList<RecordLink> Links(Dictionary<(string Kind, long Id), RecordLink> links, string? kind, IReadOnlyList<long> records) =>
        kind is null ? []
            : [.. records.Select(id => links.GetValueOrDefault((kind, id)) ?? new RecordLink(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null))];

    // Cases, applications, projects and campaign targets link to their pages (which apply the reader's own scope); judges' scores read as "name: score".
    private static async Task<Dictionary<(string Kind, long Id), RecordLink>> RecordLinksAsync(
        ShiganDb db, Dictionary<int, string> kinds, Dictionary<(int Indicator, int Region), IReadOnlyList<long>> records, CancellationToken ct)
    {
        List<long> Ids(string kind) => [.. records.Where(r => kinds.GetValueOrDefault(r.Key.Indicator) == kind).SelectMany(r => r.Value).Distinct()];
        var caseIds = Ids("case");
        var applicationIds = Ids("application");
        var projectIds = Ids("project").Select(id => (int)id).ToList();
        var targetIds = Ids("campaign-target");
        var scoreIds = Ids(JudgeScore);
        var links = new Dictionary<(string, long), RecordLink>();
        foreach (var c in await db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => caseIds.Contains(c.Id))
                     .Select(c => new { c.Id, c.ReportedAtUtc, Category = c.Category!.Name }).ToListAsync(ct))
        {
            links[("case", c.Id)] = new RecordLink(c.Id, $"{TrackingNumber.New(new DateTimeOffset(c.ReportedAtUtc, TimeSpan.Zero), c.Id)} {c.Category}", $"/cases/{c.Id}");
        }

        foreach (var a in await db.ServiceApplications.IgnoreQueryFilters().AsNoTracking().Where(a => applicationIds.Contains(a.Id))
                     .Select(a => new { a.Id, a.TakenAtUtc, a.LifeEventName }).ToListAsync(ct))
        {
            var number = TrackingNumber.New(new DateTimeOffset(a.TakenAtUtc, TimeSpan.Zero), a.Id, Core.Services.Applications.ServiceApplication.TrackingPrefix);
            links[("application", a.Id)] = new RecordLink(a.Id, $"{number} {a.LifeEventName}", $"/services/applications/{a.Id}");
        }

        foreach (var p in await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => projectIds.Contains(p.Id))
                     .Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        {
            links[("project", p.Id)] = new RecordLink(p.Id, p.Name, $"/projects/{p.Id}");
        }

        // A campaign's household opens the campaign page searched for its key (the page has no page per household).
        foreach (var t in await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().Where(t => targetIds.Contains(t.Id))
                     .Select(t => new { t.Id, t.CampaignId, t.Key, Campaign = t.Campaign!.Name }).ToListAsync(ct))
        {
            links[("campaign-target", t.Id)] = new RecordLink(t.Id, $"{t.Campaign} {t.Key}", $"/campaigns/{t.CampaignId}?q={Uri.EscapeDataString(t.Key)}");
        }

        foreach (var s in await db.JudgeScores.IgnoreQueryFilters().AsNoTracking().Where(s => scoreIds.Contains(s.Id))
                     .Select(s => new { s.Id, s.JudgeName, s.Score }).ToListAsync(ct))
        {
            links[(JudgeScore, s.Id)] = new RecordLink(s.Id, $"{s.JudgeName}: {s.Score:0.##}", null);
        }

        return links;
    }
}
