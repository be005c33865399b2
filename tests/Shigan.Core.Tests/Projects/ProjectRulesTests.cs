using Shigan.Core.Projects;

namespace Shigan.Core.Tests.Projects;

/// <summary>
/// The plan a project is held to (straight from 0 % on its first day to 100 % on its planned end), what makes a
/// milestone or a blocker overdue, and which figures are refused as nonsense.
/// </summary>
public sealed class ProjectRulesTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly End = new(2026, 3, 11);

    [Theory]
    [InlineData(2026, 2, 20, 0)] // not started yet
    [InlineData(2026, 3, 1, 0)]
    [InlineData(2026, 3, 2, 10)]
    [InlineData(2026, 3, 5, 40)]
    [InlineData(2026, 3, 11, 100)]
    [InlineData(2026, 5, 1, 100)] // past its planned end: the plan stays at 100
    public void Planned_progress_runs_straight_from_start_to_planned_end(int y, int m, int d, double expected) =>
        Assert.Equal(expected, ProjectRules.PlannedProgress(Start, End, new DateOnly(y, m, d)));

    [Fact]
    public void Planned_progress_is_rounded_to_one_decimal() =>
        Assert.Equal(33.3, ProjectRules.PlannedProgress(Start, Start.AddDays(3), Start.AddDays(1)));

    [Fact]
    public void A_one_day_project_is_planned_done_on_its_day() =>
        Assert.Equal(100, ProjectRules.PlannedProgress(Start, Start, Start));

    [Fact]
    public void A_milestone_is_overdue_only_when_not_done_and_its_day_has_passed()
    {
        var milestone = new ProjectMilestone { Name = "主体", PlannedDate = new DateOnly(2026, 3, 5), RegionPath = "" };

        Assert.False(ProjectRules.IsOverdue(milestone, new DateOnly(2026, 3, 5))); // due today: not late yet
        Assert.True(ProjectRules.IsOverdue(milestone, new DateOnly(2026, 3, 6)));
        milestone.DoneDate = new DateOnly(2026, 3, 7);
        Assert.False(ProjectRules.IsOverdue(milestone, new DateOnly(2026, 3, 8)));
        Assert.False(ProjectRules.IsOnTime(milestone)); // done, but two days late
        milestone.DoneDate = new DateOnly(2026, 3, 5);
        Assert.True(ProjectRules.IsOnTime(milestone));
    }

    [Fact]
    public void A_blocker_is_overdue_while_open_after_its_due_date_and_never_once_resolved()
    {
        var blocker = new ProjectBlocker { OwnerId = "u", OwnerName = "李瑞庚", Note = "坟墓迁移", DueDate = new DateOnly(2026, 3, 5), Status = BlockerStatus.Open, RegionPath = "" };

        Assert.False(ProjectRules.IsOverdue(blocker, new DateOnly(2026, 3, 5)));
        Assert.True(ProjectRules.IsOverdue(blocker, new DateOnly(2026, 3, 6)));
        blocker.Status = BlockerStatus.Resolved;
        Assert.False(ProjectRules.IsOverdue(blocker, new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void The_leaders_list_puts_overdue_blockers_first_then_the_soonest_due_and_leaves_resolved_ones_out()
    {
        var today = new DateOnly(2026, 3, 10);
        ProjectBlocker B(int id, int day, BlockerStatus status = BlockerStatus.Open) =>
            new() { Id = id, OwnerId = "u", OwnerName = "u", Note = $"{id}", DueDate = new DateOnly(2026, 3, day), Status = status, RegionPath = "" };

        var ordered = ProjectRules.LeaderOrder([B(1, 20), B(2, 8), B(3, 12), B(4, 2), B(5, 1, BlockerStatus.Resolved)], today).Select(b => b.Id);

        Assert.Equal([4, 2, 3, 1], ordered);
    }

    [Theory]
    [InlineData(-1, 0, 2026, 3, 11, 0, "budget", ProjectRefusal.BudgetNegative)]
    [InlineData(100, 1001, 2026, 3, 11, 0, "spent", ProjectRefusal.SpentBeyondBudget)]
    [InlineData(100, -5, 2026, 3, 11, 0, "spent", ProjectRefusal.SpentNegative)]
    [InlineData(100, 0, 2026, 2, 28, 0, "plannedEndDate", ProjectRefusal.EndBeforeStart)]
    [InlineData(100, 0, 2026, 3, 11, 101, "progress", ProjectRefusal.ProgressOutOfRange)]
    [InlineData(100, 0, 2026, 3, 11, -1, "progress", ProjectRefusal.ProgressOutOfRange)]
    [InlineData(100, 0, 2037, 3, 11, 0, "plannedEndDate", ProjectRefusal.SpanTooLong)]
    public void Nonsense_figures_are_refused_on_their_field(int budget, int spent, int y, int m, int d, int progress, string field, ProjectRefusal refusal)
    {
        var refusals = ProjectRules.Check(new ProjectFigures(budget, spent, Start, new DateOnly(y, m, d), progress, 0));

        Assert.Equal([(field, refusal)], refusals);
    }

    [Fact]
    public void Spending_up_to_ten_times_the_budget_is_an_overrun_not_nonsense() =>
        Assert.Empty(ProjectRules.Check(new ProjectFigures(100, 1000, Start, End, 100, 130)));

    [Fact]
    public void A_milestone_fits_the_project_only_between_its_start_and_planned_end()
    {
        Assert.True(ProjectRules.FitsProject(Start, Start, End));
        Assert.True(ProjectRules.FitsProject(End, Start, End));
        Assert.False(ProjectRules.FitsProject(Start.AddDays(-1), Start, End));
        Assert.False(ProjectRules.FitsProject(End.AddDays(1), Start, End));
    }

    [Fact]
    public void The_on_time_share_counts_milestones_due_in_the_period_whose_day_has_passed()
    {
        ProjectMilestone M(int day, int? done) => new() { Name = "m", PlannedDate = new DateOnly(2026, 3, day), DoneDate = done is { } d ? new DateOnly(2026, 3, d) : null, RegionPath = "" };
        List<ProjectMilestone> milestones = [M(2, 2), M(3, 5), M(4, null), M(6, 6), M(9, null), M(20, 1)];

        // From the 1st to the 8th: due on the 2nd, 3rd, 4th and 6th; done by their day on the 2nd and 6th. The 9th is next period.
        Assert.Equal(50m, ProjectRules.OnTimeShare(milestones, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 10)));
        // Seen on the 5th, only the 2nd, 3rd and 4th have fallen due.
        Assert.Equal(33.33m, ProjectRules.OnTimeShare(milestones, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 5)));
        Assert.Null(ProjectRules.OnTimeShare(milestones, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 8), new DateOnly(2026, 4, 10)));
    }
}
