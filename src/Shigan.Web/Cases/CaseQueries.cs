using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;

namespace Shigan.Web.Cases;

public sealed record CaseFilter(
    CaseStatus? Status = null, Platform? Platform = null, string? CategoryCode = null, int? RegionId = null, int? DepartmentId = null,
    bool LateOnly = false, bool Mine = false, DateOnly? From = null, DateOnly? To = null, long? After = null, int? Size = null,
    DateTime? FollowUpBefore = null, DateTime? DueBefore = null)
{
    /// <summary>A department id no row has: the queue of an account without a department is empty.</summary>
    public const int NoDepartment = -1;
}

/// <summary>One page of a work list: newest first, and the id to ask for the next page with (keyset paging: no offsets).</summary>
public sealed record CasePage(IReadOnlyList<CaseItem> Items, long? Next);

/// <summary>Reads of cases. The scope filter decides what the actor sees; nothing here repeats it.</summary>
public static class CaseQueries
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// How many of the newest ids a page is first looked for among (see <see cref="ListAsync(ShiganDb, CaseFilter, string?, DateTime, int, CancellationToken)"/>):
    /// a page of a township's cases even when a filter keeps one in four of them, and still only a millisecond or two to read.
    /// </summary>
    public const int NewestFirstWindow = 5000;

    /// <summary>
    /// Statuses in which the deadline runs: the case is someone's open work (a few per cent of all cases). Filters that
    /// keep only open cases say so in these words, in this order, so that an index holding just the open cases (a
    /// partial index filtered on this list) can answer them: SQLite uses a partial index only when the query repeats
    /// its condition.
    /// </summary>
    public static readonly CaseStatus[] Open = [CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned];

    public static Task<CasePage> ListAsync(ShiganDb db, CaseFilter filter, string? actorId, DateTime nowUtc, CancellationToken ct = default) =>
        ListAsync(db, filter, actorId, nowUtc, NewestFirstWindow, ct);

    /// <summary>
    /// One page, newest first. Asked plainly ("in my scope, by id descending, first 51"), SQLite answers a township's or
    /// the county's list from the path index: it has no statistics on how many cases a path range holds, so it reads
    /// every case in the range and sorts them for one page (tens of ms for a township at a million cases, hundreds for
    /// the county). So the page is first looked for among the <paramref name="window"/> newest ids, a bounded id range
    /// that SQLite walks newest first on the primary key; only a scope or a filter with too few cases there goes on to
    /// the plain query, where its path range or its filter's index then holds few rows.
    /// </summary>
    public static async Task<CasePage> ListAsync(ShiganDb db, CaseFilter filter, string? actorId, DateTime nowUtc, int window, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var query = await FilteredAsync(db, filter with { Mine = false }, actorId, nowUtc, ct);
        var size = Math.Clamp(filter.Size ?? 50, 1, MaxPageSize);

        // "Mine" is asked two ways. Among the newest ids, case by case (one look-up in the actor's history index each):
        // a busy officer's page is there. Below them, from the actor's own rows (their cases and history entries):
        // someone with few or only old cases is answered without looking at the township's every case. Each way is
        // slow where the other is fast (at a million cases: the officer's 150,000 history entries read in full; the
        // township's 80,000 cases looked up one by one).
        var recent = filter.Mine ? query.Where(c => c.ReportedById == actorId || db.CaseEvents.Any(e => e.ActorId == actorId && e.CaseId == c.Id)) : query;
        var older = filter.Mine ? Mine(db, query, actorId) : query;

        // The highest id says nothing about any case: it is read past the scope filter, as the primary key's last entry.
        var before = filter.After ?? (await db.Cases.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id, ct) ?? 0) + 1;
        var from = before - window;
        var rows = await PageAsync(recent.Where(c => c.Id >= from && c.Id < before), size + 1, ct);
        if (rows.Count <= size && from > 1)
        {
            rows.AddRange(await PageAsync(older.Where(c => c.Id < from), size + 1 - rows.Count, ct));
        }

        var items = rows.Take(size).Select(c => new CaseItem(
            c.Id, TrackingNumber.New(new DateTimeOffset(c.ReportedAtUtc, TimeSpan.Zero), c.Id), c.Category, c.Platform, c.Status, c.Supervision,
            c.Region, c.Department, c.ReportedAtUtc, c.DeadlineUtc, Open.Contains(c.Status) && c.DeadlineUtc < nowUtc)).ToList();
        return new CasePage(items, rows.Count > size ? items[^1].Id : null);
    }

    private static Task<List<ListRow>> PageAsync(IQueryable<Case> query, int take, CancellationToken ct) =>
        query.OrderByDescending(c => c.Id).Take(take)
            .Select(c => new ListRow(c.Id, c.ReportedAtUtc, c.Category!.Name, c.Platform, c.Status, c.Supervision, c.Region!.Name, c.Department!.Name, c.DeadlineUtc))
            .ToListAsync(ct);

    /// <summary>
    /// The cases a work list's filter matches (paging aside), untracked. Shared by the list and the Excel export so
    /// both always agree on what a filter means.
    /// </summary>
    public static async Task<IQueryable<Case>> FilteredAsync(ShiganDb db, CaseFilter filter, string? actorId, DateTime nowUtc, CancellationToken ct = default)
    {
        var query = db.Cases.AsNoTracking();
        if (filter.Status is { } status)
        {
            // With the status as a parameter EF keeps both conditions as written. It folds a constant status into the list
            // itself, and not always rightly: EF 10.0.15 turned Status == Resolved && <list with Resolved>.Contains(Status) into WHERE 0.
            query = Open.Contains(status)
                ? query.Where(c => c.Status == status && Open.Contains(c.Status))
                : query.Where(c => c.Status == status);
        }

        if (filter.Platform is { } platform)
        {
            query = query.Where(c => c.Platform == platform);
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            query = query.Where(c => c.Category!.Code == filter.CategoryCode);
        }

        if (filter.RegionId is { } regionId)
        {
            // A unit's cases include those of the units below it: the same path range as the scope rule, on the same index.
            var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.RegionPath).SingleOrDefaultAsync(ct);
            var unit = path is null ? RegionScope.Nothing : RegionScope.Of(path);
            string start = unit.RangeStart, end = unit.RangeEnd;
#pragma warning disable CA1309 // translated to SQL comparisons in the column's bytewise collation
            query = query.Where(c => string.Compare(c.RegionPath, start) >= 0 && string.Compare(c.RegionPath, end) < 0);
#pragma warning restore CA1309
        }

        if (filter.DepartmentId is { } departmentId)
        {
            query = query.Where(c => c.DepartmentId == departmentId);
        }

        if (filter.LateOnly)
        {
            query = query.Where(c => Open.Contains(c.Status) && c.DeadlineUtc < nowUtc);
        }

        if (filter.DueBefore is { } due)
        {
            // Nearly late: still open, not yet late, due before the cutoff.
            query = query.Where(c => Open.Contains(c.Status) && c.DeadlineUtc >= nowUtc && c.DeadlineUtc < due);
        }

        if (filter.FollowUpBefore is { } cutoff)
        {
            // Resolved, not yet rated, and resolved (the last time) before the cutoff: due for the follow-up call. The
            // call is about the case the reporter reported: a split's children are not called about on their own.
            query = query.Where(c => c.Status == CaseStatus.Resolved && !c.OutcomeRated && c.ParentId == null
                && !c.Events.Any(e => (e.Action == CaseAction.Resolve || e.Action == CaseAction.ChildrenDone) && e.AtUtc > cutoff));
        }

        if (filter.Mine)
        {
            query = Mine(db, query, actorId);
        }

        if (filter.From is { } from)
        {
            var fromUtc = ChinaTime.StartOf(from).UtcDateTime;
            query = query.Where(c => c.ReportedAtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = ChinaTime.StartOf(to.AddDays(1)).UtcDateTime;
            query = query.Where(c => c.ReportedAtUtc < toUtc);
        }

        return query;
    }

    // The cases I reported or my history entries name, looked up by actor (two indexes), not an EXISTS per case.
    private static IQueryable<Case> Mine(ShiganDb db, IQueryable<Case> query, string? actorId)
    {
        var touched = db.CaseEvents.Where(e => e.ActorId == actorId).Select(e => e.CaseId);
        return query.Where(c => c.ReportedById == actorId || touched.Contains(c.Id));
    }

    public static async Task<CaseDetail?> DetailAsync(ShiganDb db, long id, DateTime nowUtc, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Category).Include(x => x.Region).Include(x => x.Department)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var history = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id)
            .Select(e => new CaseEventItem(e.Id, e.AtUtc, e.Kind, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.Note, e.DepartmentName, e.RouteBasis, e.Rating, e.Supervision))
            .ToListAsync(ct);
        return new CaseDetail(
            c.Id, c.TrackingNumber, c.Category!.Code, c.Category.Name, c.Platform, c.Status, c.Supervision, c.Source, c.RegionId, c.Region!.Name,
            c.Address, c.Latitude, c.Longitude, c.Description, c.ReporterName, c.ReporterPhone, c.ReportedAtUtc, c.DeadlineUtc,
            Open.Contains(c.Status) && c.DeadlineUtc < nowUtc, c.DepartmentId, c.Department?.Name, c.Rating, c.MergedIntoId, c.Version,
            // A rated outcome offers no second rating.
            CaseWorkflow.AllowedActions(c.Status, isChild: c.ParentId is not null).Where(a => a != CaseAction.Rate || !c.OutcomeRated).ToList(), history,
            c is { ExtensionRequestedAtUtc: { } askedAt, ExtensionValue: { } value, ExtensionUnit: { } unit }
                ? new PendingExtension(value, unit, c.ExtensionReason ?? "", askedAt, c.ExtensionRequestedById)
                : null,
            c.ParentId is { } parentId ? (await LinkedAsync(db.Cases.Where(x => x.Id == parentId), ct)).SingleOrDefault() : null,
            // Only a case split once has children: the others skip a read whose plan can be poor (see PublicAsync).
            history.Any(e => e.ToStatus == CaseStatus.Split) ? await LinkedAsync(db.Cases.Where(x => x.ParentId == id), ct) : [],
            c.MergedIntoId is { } targetId ? (await LinkedAsync(db.Cases.Where(x => x.Id == targetId), ct)).SingleOrDefault() : null,
            await DuplicatesAsync(db, id, ct),
            await CaseAttachments.ItemsAsync(db, id, ct),
            AnswersOf(c.Category.Questions, c.Answers));
    }

    // Linked cases are read through the scope filter like any other: one outside the reader's scope is not listed.
    private static async Task<List<LinkedCase>> LinkedAsync(IQueryable<Case> cases, CancellationToken ct) =>
        (await cases.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.ReportedAtUtc, x.Status, Department = x.Department!.Name })
            .ToListAsync(ct))
        .Select(x => new LinkedCase(x.Id, TrackingNumber.New(new DateTimeOffset(x.ReportedAtUtc, TimeSpan.Zero), x.Id), x.Status, x.Department))
        .ToList();

    private static async Task<List<MergedDuplicate>> DuplicatesAsync(ShiganDb db, long id, CancellationToken ct) =>
        (await db.Cases.AsNoTracking().Where(x => x.MergedIntoId == id).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.ReportedAtUtc, x.ReporterName, x.ReporterPhone })
            .ToListAsync(ct))
        .Select(x => new MergedDuplicate(x.Id, TrackingNumber.New(new DateTimeOffset(x.ReportedAtUtc, TimeSpan.Zero), x.Id), x.ReportedAtUtc, x.ReporterName, x.ReporterPhone))
        .ToList();

    /// <summary>
    /// The public page's view of a case, found by its tracking number: no reporter, no phone, no staff names, only
    /// the steps and the notes the department wrote for the public. Null for a number that names no case, and for a
    /// child of a split: the reporter follows the case they reported, whose steps include its parts' (拆分办理).
    /// </summary>
    public static async Task<PublicCaseView?> PublicAsync(ShiganDb db, string trackingNumber, CancellationToken ct = default)
    {
        if (await FindByNumberAsync(db, trackingNumber, ct) is not { ParentId: null } c)
        {
            return null;
        }

        var own = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id && e.ToStatus != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, Step = new PublicCaseStep(e.AtUtc, e.ToStatus, e.Action == CaseAction.Resolve || e.Action == CaseAction.Reject ? e.Note : null, null) })
            .ToListAsync(ct);
        // Only a case split once has parts. The read of them is skipped for the others: on SQLite after ANALYZE, a
        // column that is almost always null (ParentId) looks like one value shared by every case, and the read then
        // goes through the whole scope's path range instead of the ParentId index (seconds at a million cases).
        List<PartStep> parts = !own.Any(s => s.Step.Status == CaseStatus.Split) ? [] : await db.CaseEvents.AsNoTracking()
            .Where(e => e.Case!.ParentId == c.Id && e.ToStatus != null)
            .Select(e => new PartStep(
                e.Id,
                new PublicCaseStep(
                    e.AtUtc, e.ToStatus, e.Action == CaseAction.Resolve || e.Action == CaseAction.Reject ? e.Note : null,
                    e.DepartmentName ?? e.Case!.Department!.Name)))
            .ToListAsync(ct);
        // At one instant the split itself comes before its parts' first steps, and the parts' last steps before the
        // case's own resolution.
        var steps = own.Select(s => (s.Id, s.Step, Rank: s.Step.Status == CaseStatus.Split ? 0 : 2))
            .Concat(parts.Select(s => (s.Id, s.Step, Rank: 1)))
            .OrderBy(s => s.Step.AtUtc).ThenBy(s => s.Rank).ThenBy(s => s.Id)
            .Select(s => s.Step).ToList();
        var township = RegionPaths.Codes(c.RegionPath) is { Count: >= 2 } codes ? codes[1] : null;
        var townshipName = township is null ? null : await db.Regions.Where(r => r.Code == township).Select(r => r.Name).SingleOrDefaultAsync(ct);
        var place = townshipName is null || townshipName == c.Region!.Name ? c.Region!.Name : $"{townshipName} {c.Region.Name}";
        var canRate = CaseWorkflow.Decide(c.Status, CaseAction.Rate, new TransitionInput { Rating = CaseRating.Satisfied, AlreadyRated = c.OutcomeRated }).IsAllowed;
        string? mergedInto = null;
        if (c.MergedIntoId is { } targetId
            && await db.Cases.AsNoTracking().Where(x => x.Id == targetId).Select(x => (DateTime?)x.ReportedAtUtc).SingleOrDefaultAsync(ct) is { } at)
        {
            mergedInto = TrackingNumber.New(new DateTimeOffset(at, TimeSpan.Zero), targetId);
        }

        return new PublicCaseView(c.TrackingNumber, c.Category!.Name, c.Status, place, c.ReportedAtUtc, c.DeadlineUtc, c.Department?.Name, canRate, steps, mergedInto);
    }

    /// <summary>The case a tracking number names: the number carries the id, and its date must match the report's.</summary>
    public static async Task<Case?> FindByNumberAsync(ShiganDb db, string trackingNumber, CancellationToken ct = default)
    {
        if (!TrackingNumber.TryParse(trackingNumber, TrackingNumber.DefaultPrefix, out var parts))
        {
            return null;
        }

        var c = await db.Cases.Include(x => x.Category).Include(x => x.Region).Include(x => x.Department)
            .SingleOrDefaultAsync(x => x.Id == parts.Sequence, ct);
        return c is not null && ChinaTime.DateOf(new DateTimeOffset(c.ReportedAtUtc, TimeSpan.Zero)) == parts.Date ? c : null;
    }

    // Answers in the order of the questions; a list's keys read as their names; a question since removed shows its code.
    private static List<AnswerItem> AnswersOf(List<CategoryQuestion> questions, List<CaseAnswer> answers) =>
        [.. answers.GroupBy(a => a.Code, StringComparer.Ordinal)
            .Select(g => (g.Key, Question: questions.Find(q => q.Code == g.Key), Values: g.Select(a => a.Value).ToList()))
            .OrderBy(x => x.Question is null ? int.MaxValue : questions.IndexOf(x.Question))
            .Select(x => new AnswerItem(
                x.Key,
                x.Question?.Prompt ?? x.Key,
                string.Join("、", x.Values.Select(v => x.Question?.Options?.FirstOrDefault(o => o.Key == v)?.Name ?? v))))];

    private sealed record ListRow(
        long Id, DateTime ReportedAtUtc, string Category, Platform Platform, CaseStatus Status, SupervisionLevel Supervision, string Region,
        string? Department, DateTime DeadlineUtc);

    private sealed record PartStep(long Id, PublicCaseStep Step);
}
