using Shigan.Core.Cases;


namespace Shigan.Data.Generate;

/// <summary>
/// Lives one case from its report to now through the app's own workflow table (<see cref="CaseWorkflow"/>): routed at
/// intake as the app's intake does, taken up, resolved (mostly on time), then rated or closed after the
/// follow-up call. A few are returned and re-routed, refused, merged, left stuck (they stay late and get
/// supervised up to the county) or forgotten after resolution. Whatever has not happened yet by <c>now</c> has not
/// happened: so old cases are closed and the open and late ones are recent, as in a real county.
/// </summary>
public sealed class CaseLife(Random rng, WorkingCalendar calendar, DateTimeOffset now, HistoryNames names)
{
    private static readonly string[] ResolveNotes =
    [
        "已现场处理完毕，报告人认可", "已协调双方达成一致意见", "已责令整改，复查合格", "已清理完毕并拍照留存",
        "已电话答复报告人并解释政策", "已联系相关单位上门维修完成", "已立案调查，依法处理", "已纳入网格日常巡查",
    ];

    private static readonly string[] RatingComments = ["处理及时", "态度很好", "", "", "", "还可以", "问题仍未彻底解决"];

    public CaseStatus Status { get; private set; }

    public SupervisionLevel Supervision { get; private set; }

    public int? DepartmentId { get; private set; }

    public CaseRating? Rating { get; private set; }

    public bool OutcomeRated { get; private set; }

    public int Version { get; private set; }

    /// <summary>Set when the case was merged: the caller picks the surviving case and writes its history entry.</summary>
    public bool WantsMerge { get; private set; }

    public DateTime MergedAtUtc { get; private set; }

    public Actor? MergedBy { get; private set; }

    public List<LifeStep> Events { get; } = [];

    public void Live(DateTimeOffset reportedAt, DateTimeOffset deadline, Actor reporter, (int Id, string Name)? department, Desk desk, bool hasPhone)
    {
        Events.Clear();
        WantsMerge = false;
        MergedBy = null;
        Rating = null;
        OutcomeRated = false;
        Supervision = SupervisionLevel.None;
        Version = 1;
        Status = CaseStatus.Reported;
        DepartmentId = null;
        var t = reportedAt;
        Events.Add(new(t.UtcDateTime, CaseEventKind.Reported, null, null, CaseStatus.Reported, reporter));

        // No department of that name in the township: the case waits in the command room (as the router leaves it).
        if (department is not { } dept)
        {
            Supervise(deadline, now);
            return;
        }

        DepartmentId = dept.Id;
        Status = CaseStatus.Assigned;
        Events.Add(new(t.UtcDateTime, CaseEventKind.Routed, CaseAction.Assign, CaseStatus.Reported, CaseStatus.Assigned,
            new Actor(null, names.Router), DepartmentId: dept.Id, DepartmentName: dept.Name, RouteBasis: RouteBasis.CategoryDefault));

        var officer = desk.Officers[rng.Next(desk.Officers.Length)];
        var span = deadline - reportedAt;
        var fate = rng.NextDouble();
        var runningUntil = now; // the last moment the deadline ran, for supervision

        // 1.5 %: the department hands it back, the command room refuses it (not a matter for the township).
        if (fate < 0.015)
        {
            if (!Act(ref t, Hours(1, 16), CaseAction.Return, CaseStatus.Returned, officer, "不属于本部门职责，请改派"))
            {
                Supervise(deadline, now);
                return;
            }

            if (!Act(ref t, Hours(1, 8), CaseAction.Reject, CaseStatus.Rejected, officer, "经核实不属于受理范围，已告知报告人"))
            {
                Supervise(deadline, now);
                return;
            }

            Supervise(deadline, t);
            if (hasPhone && rng.NextDouble() < 0.3)
            {
                var rating = rng.NextDouble() < 0.5 ? CaseRating.BasicallySatisfied : CaseRating.Dissatisfied;
                if (Act(ref t, Hours(2, 24), CaseAction.Rate, CaseStatus.Rejected, new Actor(null, names.Reporter), null, rating))
                {
                    Rating = rating;
                    OutcomeRated = true;
                }
            }

            return;
        }

        // 1 %: a duplicate of an earlier case of the same township, merged by the command room.
        if (fate < 0.025)
        {
            var at = t;
            if (Act(ref t, Hours(0.5, 8), CaseAction.Merge, CaseStatus.Merged, officer, "与已上报事件重复"))
            {
                WantsMerge = true;
                MergedAtUtc = t.UtcDateTime;
                MergedBy = officer;
                Supervise(deadline, t);
            }
            else
            {
                t = at;
                Supervise(deadline, now);
            }

            return;
        }

        // 1 %: the department says it is not theirs; the command room sends it to another one.
        if (fate < 0.035)
        {
            if (!Act(ref t, Hours(1, 8), CaseAction.Return, CaseStatus.Returned, officer, "不属于本部门职责，请改派"))
            {
                Supervise(deadline, now);
                return;
            }

            var other = desk.Departments[rng.Next(desk.Departments.Length)];
            if (!Act(ref t, Hours(0.5, 8), CaseAction.Reroute, CaseStatus.Assigned, officer, null, null, other))
            {
                Supervise(deadline, now);
                return;
            }

            DepartmentId = other.Id;
        }

        // Resolution time as a share of the time limit: most on time, 10 % late, 0.4 % stuck for weeks or months.
        var stuck = fate > 0.996;
        var share = stuck ? 5 + (rng.NextDouble() * 75)
            : rng.NextDouble() < 0.10 ? 1.05 + (rng.NextDouble() * 1.5)
            : 0.1 + (rng.NextDouble() * 0.85);
        var resolveAt = calendar.AddWorkingTime(reportedAt + (span * share), TimeSpan.FromMinutes(1 + rng.Next(30))); // in office hours
        if (!Act(ref t, Hours(0.2, Math.Max(0.3, Math.Min(7.5, span.TotalHours / 3))), CaseAction.Start, CaseStatus.InProgress, officer))
        {
            Supervise(deadline, now);
            return;
        }

        if (resolveAt <= t)
        {
            resolveAt = calendar.AddWorkingTime(t, Hours(0.3, 4));
        }

        if (!ActAt(ref t, resolveAt, CaseAction.Resolve, CaseStatus.Resolved, officer, Pick(ResolveNotes)))
        {
            Supervise(deadline, now);
            return;
        }

        runningUntil = t;

        // 0.2 %: nobody called back; the case sits on the follow-up list for good.
        if (rng.NextDouble() < 0.002)
        {
            Supervise(deadline, runningUntil);
            return;
        }

        if (!FollowUp(ref t, officer, hasPhone, out var reopened))
        {
            Supervise(deadline, runningUntil);
            return;
        }

        if (reopened)
        {
            // A dissatisfied rating sends it back to the department; the deadline (already past) runs again.
            if (Act(ref t, Hours(0.5, 8), CaseAction.Start, CaseStatus.InProgress, officer)
                && Act(ref t, Hours(2, 30), CaseAction.Resolve, CaseStatus.Resolved, officer, Pick(ResolveNotes)))
            {
                runningUntil = t;
                FollowUp(ref t, officer, hasPhone, out _, secondTime: true);
            }
            else
            {
                runningUntil = now;
            }
        }

        Supervise(deadline, runningUntil);
    }

    // Rated by the reporter on the public page or on the follow-up call (回访), or closed when nobody answers.
    private bool FollowUp(ref DateTimeOffset t, Actor officer, bool hasPhone, out bool reopened, bool secondTime = false)
    {
        reopened = false;
        if (rng.NextDouble() < 0.22)
        {
            return Act(ref t, Hours(8, 24), CaseAction.Close, CaseStatus.Closed, officer, "回访电话无人接听，按期结案");
        }

        var roll = rng.NextDouble();
        var rating = roll < 0.72 ? CaseRating.Satisfied
            : roll < 0.93 || secondTime ? CaseRating.BasicallySatisfied
            : CaseRating.Dissatisfied;
        var to = rating == CaseRating.Dissatisfied ? CaseWorkflow.ReopenedStatus : CaseStatus.Closed;
        var who = hasPhone && rng.NextDouble() < 0.4 ? new Actor(null, names.Reporter) : officer;
        var comment = Pick(RatingComments);
        if (!Act(ref t, Hours(2, 16), CaseAction.Rate, to, who, comment.Length == 0 ? null : comment, rating))
        {
            return false;
        }

        Rating = rating;
        OutcomeRated = to == CaseStatus.Closed;
        reopened = to != CaseStatus.Closed;
        return true;
    }

    // Staff act in office hours: the delay is working time on the app's calendar.
    private bool Act(ref DateTimeOffset t, TimeSpan after, CaseAction action, CaseStatus to, Actor actor, string? note = null,
        CaseRating? rating = null, (int Id, string Name)? department = null) =>
        ActAt(ref t, calendar.AddWorkingTime(t, after), action, to, actor, note, rating, department);

    // The step happens only if its time has come; otherwise the case stays where it is now.
    private bool ActAt(ref DateTimeOffset t, DateTimeOffset at, CaseAction action, CaseStatus to, Actor actor, string? note = null,
        CaseRating? rating = null, (int Id, string Name)? department = null)
    {
        if (at > now)
        {
            return false;
        }

        Events.Add(new(at.UtcDateTime, CaseEventKind.Action, action, Status, to, actor, note, department?.Id, department?.Name, Rating: rating));
        Status = to;
        Version++;
        t = at;
        return true;
    }

    // The deadline job's entries: the township leader the working day after the deadline, the county five working
    // days later, each only if the deadline was still running by then (an approximation for reopened cases).
    private void Supervise(DateTimeOffset deadline, DateTimeOffset runningUntil)
    {
        var leader = Shigan.Core.Cases.Supervision.TownshipLeaderFrom(deadline, calendar);
        if (leader > runningUntil)
        {
            return;
        }

        var jobDelay = TimeSpan.FromSeconds(rng.Next(5, 60));
        Raise(leader + jobDelay, SupervisionLevel.TownshipLeader, "已超过办理时限，督办乡镇领导");
        var county = Shigan.Core.Cases.Supervision.CountyFrom(deadline, calendar);
        if (county <= runningUntil)
        {
            Raise(county + jobDelay, SupervisionLevel.County, "超期 5 个工作日以上，报县里通报");
        }
    }

    private void Raise(DateTimeOffset at, SupervisionLevel level, string note)
    {
        if (at > now)
        {
            return;
        }

        // The job wrote its entry when it happened: it goes after everything earlier, keeping the history in time order.
        var index = Events.FindLastIndex(e => e.AtUtc <= at.UtcDateTime) + 1;
        Events.Insert(index, new(at.UtcDateTime, CaseEventKind.Supervised, null, null, null, new Actor(null, names.Supervisor), note, Supervision: level));
        Supervision = level;
        Version++;
    }

    private TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + (rng.NextDouble() * (max - min)));

    private string Pick(string[] options) => options[rng.Next(options.Length)];
}
