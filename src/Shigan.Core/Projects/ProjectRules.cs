namespace Shigan.Core.Projects;

/// <summary>The plan a project is measured against, and what makes its figures nonsense.</summary>
public static class ProjectRules
{
    /// <summary>10 亿元 in 万元: more than any village or township project of the county.</summary>
    public const decimal MaxBudget = 100_000m;

    /// <summary>Spending beyond this many times the budget is a slip of the unit, not an overrun.</summary>
    public const decimal MaxOverrun = 10m;

    /// <summary>Ten years from start to planned end at most.</summary>
    public const int MaxDays = 10 * 366;

    public const int MaxJobs = 100_000;

    /// <summary>
    /// Where the plan says the project should stand on <paramref name="on"/>, in %: straight from 0 on its first day
    /// to 100 on its planned end, one decimal.
    /// </summary>
    public static double PlannedProgress(DateOnly start, DateOnly plannedEnd, DateOnly on)
    {
        if (on >= plannedEnd)
        {
            return 100;
        }

        if (on <= start)
        {
            return 0;
        }

        return Math.Round(100.0 * (on.DayNumber - start.DayNumber) / (plannedEnd.DayNumber - start.DayNumber), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Not done, and its planned day is behind us.</summary>
    public static bool IsOverdue(ProjectMilestone milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.DoneDate is null && milestone.PlannedDate < today;
    }

    /// <summary>Done by its planned day.</summary>
    public static bool IsOnTime(ProjectMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.DoneDate is { } done && done <= milestone.PlannedDate;
    }

    /// <summary>Still open after its due date.</summary>
    public static bool IsOverdue(ProjectBlocker blocker, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        return blocker.Status == BlockerStatus.Open && blocker.DueDate < today;
    }

    /// <summary>Open blockers for a leader's list: overdue first (longest overdue on top), then by due date.</summary>
    public static IEnumerable<ProjectBlocker> LeaderOrder(IEnumerable<ProjectBlocker> blockers, DateOnly today) =>
        blockers.Where(b => b.Status == BlockerStatus.Open)
            .OrderByDescending(b => IsOverdue(b, today))
            .ThenBy(b => b.DueDate)
            .ThenBy(b => b.Id);

    /// <summary>Each field that is wrong, with why (an empty list when all is well).</summary>
    public static List<(string Field, ProjectRefusal Refusal)> Check(ProjectFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var refusals = new List<(string, ProjectRefusal)>();
        if (figures.Budget < 0)
        {
            refusals.Add(("budget", ProjectRefusal.BudgetNegative));
        }
        else if (figures.Budget > MaxBudget)
        {
            refusals.Add(("budget", ProjectRefusal.BudgetTooLarge));
        }

        if (figures.Spent < 0)
        {
            refusals.Add(("spent", ProjectRefusal.SpentNegative));
        }
        else if (figures.Budget >= 0 && figures.Spent > figures.Budget * MaxOverrun)
        {
            refusals.Add(("spent", ProjectRefusal.SpentBeyondBudget));
        }

        if (figures.Start.Year is < 2000 or > 2100)
        {
            refusals.Add(("startDate", ProjectRefusal.DateOutOfRange));
        }

        if (figures.PlannedEnd < figures.Start)
        {
            refusals.Add(("plannedEndDate", ProjectRefusal.EndBeforeStart));
        }
        else if (figures.PlannedEnd.DayNumber - figures.Start.DayNumber > MaxDays)
        {
            refusals.Add(("plannedEndDate", ProjectRefusal.SpanTooLong));
        }

        if (figures.Progress is < 0 or > 100)
        {
            refusals.Add(("progress", ProjectRefusal.ProgressOutOfRange));
        }

        if (figures.JobsCreated is < 0 or > MaxJobs)
        {
            refusals.Add(("jobsCreated", ProjectRefusal.JobsOutOfRange));
        }

        return refusals;
    }

    /// <summary>A milestone is planned within the project's own span.</summary>
    public static bool FitsProject(DateOnly milestoneDate, DateOnly start, DateOnly plannedEnd) =>
        milestoneDate >= start && milestoneDate <= plannedEnd;

    /// <summary>Of the milestones due in [from, to) whose day has passed by <paramref name="today"/>, the share done by their day, in %; null when none fell due.</summary>
    public static decimal? OnTimeShare(IEnumerable<ProjectMilestone> milestones, DateOnly from, DateOnly to, DateOnly today)
    {
        var due = milestones.Where(m => m.PlannedDate >= from && m.PlannedDate < to && m.PlannedDate < today).ToList();
        return due.Count == 0 ? null : Math.Round(100m * due.Count(IsOnTime) / due.Count, 2, MidpointRounding.AwayFromZero);
    }
}
