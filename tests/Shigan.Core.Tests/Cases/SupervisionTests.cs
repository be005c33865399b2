using Shigan.Core.Cases;
using static Shigan.Core.Tests.Cases.China;

namespace Shigan.Core.Tests.Cases;

/// <summary>Escalation of late cases: the township leader the working day after the deadline, the county five working days later.</summary>
public sealed class SupervisionTests
{
    private static readonly DateTimeOffset Deadline = At(3, 10, 17, 30);   // Tuesday

    private static SupervisionLevel Next(SupervisionLevel current, DateTimeOffset now, CaseStatus status = CaseStatus.InProgress) =>
        Supervision.Next(current, status, Deadline, now, Calendar);

    [Fact]
    public void A_case_on_time_is_not_supervised()
    {
        Assert.Equal(SupervisionLevel.None, Next(SupervisionLevel.None, At(3, 10, 17, 30)));
        Assert.Equal(SupervisionLevel.None, Next(SupervisionLevel.None, At(3, 9, 9)));
    }

    [Fact]
    public void A_case_late_by_an_evening_waits_for_the_next_day_before_the_leader_is_told()
    {
        Assert.Equal(SupervisionLevel.None, Next(SupervisionLevel.None, At(3, 10, 23, 59)));
        Assert.Equal(SupervisionLevel.TownshipLeader, Next(SupervisionLevel.None, At(3, 11, 0, 0)));
    }

    [Fact]
    public void The_county_is_told_after_five_more_working_days_late()
    {
        // Late on Wed 11, Thu 12, Fri 13, Mon 16, Tue 17; the county is told on Wednesday 18 March.
        Assert.Equal(SupervisionLevel.TownshipLeader, Next(SupervisionLevel.TownshipLeader, At(3, 17, 23, 59)));
        Assert.Equal(SupervisionLevel.County, Next(SupervisionLevel.TownshipLeader, At(3, 18, 0, 0)));
        Assert.Equal(At(3, 18), Supervision.CountyFrom(Deadline, Calendar));
    }

    [Fact]
    public void A_deadline_missed_on_friday_is_escalated_on_monday_not_at_the_weekend()
    {
        var friday = At(3, 13, 17, 30);

        Assert.Equal(SupervisionLevel.None, Supervision.Due(friday, At(3, 15, 12), Calendar));
        Assert.Equal(At(3, 16), Supervision.TownshipLeaderFrom(friday, Calendar));
    }

    [Fact]
    public void Across_may_day_the_five_days_before_the_county_is_told_are_working_days()
    {
        // Due Thursday 30 April. 1–5 May off: the leader is told Wednesday 6 May; late on 6, 7, 8, 9 (make-up
        // Saturday) and 11; the county is told Tuesday 12 May.
        var deadline = At(4, 30, 17, 30);

        Assert.Equal(At(5, 6), Supervision.TownshipLeaderFrom(deadline, Calendar));
        Assert.Equal(At(5, 12), Supervision.CountyFrom(deadline, Calendar));
        Assert.Equal(SupervisionLevel.None, Supervision.Due(deadline, At(5, 5, 12), Calendar));
        Assert.Equal(SupervisionLevel.TownshipLeader, Supervision.Due(deadline, At(5, 11, 20), Calendar));
        Assert.Equal(SupervisionLevel.County, Supervision.Due(deadline, At(5, 12, 8), Calendar));
    }

    [Fact]
    public void A_supervision_level_never_goes_down_even_after_an_extension_puts_the_case_back_on_time()
    {
        Assert.Equal(SupervisionLevel.County, Next(SupervisionLevel.County, At(3, 9, 9)));
        Assert.Equal(SupervisionLevel.TownshipLeader, Next(SupervisionLevel.TownshipLeader, At(3, 10, 9)));
    }

    [Fact]
    public void Running_the_deadline_job_again_raises_nothing_twice()
    {
        var once = Next(SupervisionLevel.None, At(3, 12, 10));
        var again = Next(once, At(3, 12, 10));
        var later = Next(again, At(3, 12, 16));

        Assert.Equal(SupervisionLevel.TownshipLeader, once);
        Assert.Equal(once, again);
        Assert.Equal(once, later);
    }

    [Fact]
    public void A_job_that_was_down_for_a_long_time_goes_straight_to_the_county()
    {
        Assert.Equal(SupervisionLevel.County, Next(SupervisionLevel.None, At(4, 1, 9)));
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Merged)]
    [InlineData(CaseStatus.Split)]
    public void A_case_whose_deadline_no_longer_runs_is_not_escalated_further_nor_lowered(CaseStatus status)
    {
        Assert.Equal(SupervisionLevel.None, Next(SupervisionLevel.None, At(4, 1, 9), status));
        Assert.Equal(SupervisionLevel.TownshipLeader, Next(SupervisionLevel.TownshipLeader, At(4, 1, 9), status));
    }

    [Theory]
    [InlineData(CaseStatus.Reported)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.Returned)]
    public void A_case_late_while_still_unrouted_or_unstarted_is_escalated_too(CaseStatus status)
    {
        Assert.Equal(SupervisionLevel.TownshipLeader, Next(SupervisionLevel.None, At(3, 11, 9), status));
    }
}
