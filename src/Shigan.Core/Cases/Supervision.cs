namespace Shigan.Core.Cases;

/// <summary>
/// When a late case escalates, after the 12345 hotline rules in seed/README.md: a reminder to the township
/// leader on the working day after the missed deadline, and a notice to the county five working days after
/// that. Levels are days, starting at 00:00 China time, so a job run at any hour agrees with one run at another.
/// </summary>
public static class Supervision
{
    public const int WorkingDaysFromLeaderToCounty = 5;

    /// <summary>The start of the first working day after the deadline's day.</summary>
    public static DateTimeOffset TownshipLeaderFrom(DateTimeOffset deadline, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return ChinaTime.StartOf(calendar.NthWorkingDayAfter(ChinaTime.DateOf(deadline), 1));
    }

    /// <summary>The start of the fifth working day after the township leader's day.</summary>
    public static DateTimeOffset CountyFrom(DateTimeOffset deadline, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return ChinaTime.StartOf(calendar.NthWorkingDayAfter(ChinaTime.DateOf(deadline), 1 + WorkingDaysFromLeaderToCounty));
    }

    /// <summary>The level the lateness alone calls for at <paramref name="now"/>.</summary>
    public static SupervisionLevel Due(DateTimeOffset deadline, DateTimeOffset now, WorkingCalendar calendar) =>
        now >= CountyFrom(deadline, calendar) ? SupervisionLevel.County
        : now >= TownshipLeaderFrom(deadline, calendar) ? SupervisionLevel.TownshipLeader
        : SupervisionLevel.None;

    /// <summary>
    /// The level that should hold now. Never lower than <paramref name="current"/> (an extension or a
    /// resolution does not undo a notice already sent), and unchanged once the deadline stops running.
    /// The caller raises only when the answer is higher than what is stored, so running the job twice, or
    /// on two instances, raises nothing twice. After a long outage it may jump straight to County.
    /// </summary>
    public static SupervisionLevel Next(
        SupervisionLevel current, CaseStatus status, DateTimeOffset deadline, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (!CaseWorkflow.DeadlineRuns(status))
        {
            return current;
        }

        var due = Due(deadline, now, calendar);
        return due > current ? due : current;
    }
}
