using Shigan.Core.Cases;
using Shigan.Core.Org;
using static Shigan.Core.Cases.CaseAction;
using static Shigan.Core.Cases.CaseStatus;

namespace Shigan.Core.Tests.Cases;

/// <summary>The case state machine: which actions move a case where, and what each must be given.</summary>
public sealed class CaseWorkflowTests
{
    /// <summary>The whole table, written out by hand so a change to the code's table has to be made here too.</summary>
    private static readonly Dictionary<(CaseStatus, CaseAction), CaseStatus> Expected = new()
    {
        [(Reported, Accept)] = Accepted,
        [(Reported, Reject)] = Rejected,
        [(Reported, Merge)] = Merged,
        [(Accepted, Assign)] = Assigned,
        [(Accepted, Reject)] = Rejected,
        [(Accepted, Merge)] = Merged,
        [(Accepted, CaseAction.Split)] = CaseStatus.Split,
        [(Assigned, Start)] = InProgress,
        [(Assigned, Reroute)] = Assigned,
        [(Assigned, Return)] = Returned,
        [(Assigned, Merge)] = Merged,
        [(Assigned, CaseAction.Split)] = CaseStatus.Split,
        [(InProgress, Resolve)] = Resolved,
        [(InProgress, Reroute)] = Assigned,
        [(InProgress, Return)] = Returned,
        [(InProgress, Merge)] = Merged,
        [(InProgress, CaseAction.Split)] = CaseStatus.Split,
        [(Returned, Reroute)] = Assigned,
        [(Returned, Reject)] = Rejected,
        [(Returned, Merge)] = Merged,
        [(Returned, CaseAction.Split)] = CaseStatus.Split,
        [(CaseStatus.Split, ChildrenDone)] = Resolved,
        [(Resolved, Rate)] = Closed,
        [(Resolved, Reopen)] = Assigned,
        [(Resolved, Close)] = Closed,
        [(Closed, Rate)] = Closed,
        [(Rejected, Rate)] = Rejected,
    };

    /// <summary>Everything any rule could ask for, so only the table decides.</summary>
    private static readonly TransitionInput Complete = new()
    {
        Reason = "不属于本部门职责",
        Note = "已现场清理",
        Rating = CaseRating.Satisfied,
        DepartmentKey = "dept-42",
        MergeInto = "CS20261126-0001236",
        PartCount = 2,
    };

    public static TheoryData<CaseStatus, CaseAction> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_status_and_action_pair_is_allowed_exactly_when_the_table_says_and_lands_where_it_says(CaseStatus from, CaseAction action)
    {
        var result = CaseWorkflow.Decide(from, action, Complete);

        if (Expected.TryGetValue((from, action), out var to))
        {
            Assert.True(result.IsAllowed, result.ToString());
            Assert.Equal(to, result.To);
            Assert.Null(result.Refusal);
        }
        else
        {
            Assert.False(result.IsAllowed);
            Assert.Null(result.To);
            Assert.Equal(CaseRefusals.NotAllowedFromStatus, result.Refusal);
        }
    }

    [Fact]
    public void The_allowed_actions_shown_for_each_status_are_exactly_those_the_table_allows_a_person()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var expected = Expected.Keys.Where(k => k.Item1 == status && k.Item2 != ChildrenDone).Select(k => k.Item2).Order();
            Assert.Equal(expected, CaseWorkflow.AllowedActions(status).Order());
        }
    }

    [Fact]
    public void A_merged_case_allows_nothing_at_all()
    {
        Assert.Empty(CaseWorkflow.AllowedActions(Merged));
        Assert.All(Enum.GetValues<CaseAction>(), a => Assert.False(CaseWorkflow.Decide(Merged, a, Complete).IsAllowed));
    }

    [Fact]
    public void A_split_case_offers_nothing_by_hand_and_only_the_system_moves_it_to_resolved()
    {
        Assert.Empty(CaseWorkflow.AllowedActions(CaseStatus.Split));
        Assert.All(Enum.GetValues<CaseAction>().Where(a => a != ChildrenDone),
            a => Assert.Equal(CaseRefusals.NotAllowedFromStatus, CaseWorkflow.Decide(CaseStatus.Split, a, Complete).Refusal));
        Assert.True(CaseWorkflow.IsBySystem(ChildrenDone));
        Assert.All(Enum.GetValues<CaseAction>().Where(a => a != ChildrenDone), a => Assert.False(CaseWorkflow.IsBySystem(a)));
    }

    [Fact]
    public void A_split_case_is_resolved_only_when_none_of_its_children_is_still_open()
    {
        Assert.Equal(CaseRefusals.ChildrenOpen, CaseWorkflow.Decide(CaseStatus.Split, ChildrenDone, new TransitionInput { OpenChildren = 1 }).Refusal);
        Assert.Equal(Resolved, CaseWorkflow.Decide(CaseStatus.Split, ChildrenDone, new TransitionInput { OpenChildren = 0 }).To);
    }

    [Theory]
    [InlineData(Reported)]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    [InlineData(Rejected)]
    [InlineData(Merged)]
    [InlineData(CaseStatus.Split)]
    public void A_case_that_is_not_open_for_routing_cannot_be_split(CaseStatus from)
    {
        Assert.Equal(CaseRefusals.NotAllowedFromStatus, CaseWorkflow.Decide(from, CaseAction.Split, Complete).Refusal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void A_split_makes_two_to_five_parts(int parts, bool allowed)
    {
        var result = CaseWorkflow.Decide(Assigned, CaseAction.Split, new TransitionInput { PartCount = parts });

        Assert.Equal(allowed, result.IsAllowed);
        Assert.Equal(allowed ? null : CaseRefusals.PartsCount, result.Refusal);
    }

    [Theory]
    [InlineData(Assigned, CaseAction.Split)]
    [InlineData(Resolved, Rate)]
    [InlineData(Closed, Rate)]
    [InlineData(Rejected, Rate)]
    public void A_child_of_a_split_is_neither_split_again_nor_rated(CaseStatus from, CaseAction action)
    {
        Assert.Equal(CaseRefusals.ChildCase, CaseWorkflow.Decide(from, action, Complete with { IsChild = true }).Refusal);
        Assert.DoesNotContain(action, CaseWorkflow.AllowedActions(from, isChild: true));
    }

    [Fact]
    public void A_child_of_a_split_is_otherwise_worked_like_any_case()
    {
        var child = Complete with { IsChild = true };

        Assert.Equal(InProgress, CaseWorkflow.Decide(Assigned, Start, child).To);
        Assert.Equal(Returned, CaseWorkflow.Decide(Assigned, Return, child).To);
        Assert.Equal(Resolved, CaseWorkflow.Decide(InProgress, Resolve, child).To);
        Assert.Equal(Assigned, CaseWorkflow.Decide(Resolved, Reopen, child).To);
        Assert.Equal(Closed, CaseWorkflow.Decide(Resolved, Close, child).To);
        Assert.Equal([Reopen, Close], CaseWorkflow.AllowedActions(Resolved, isChild: true));
    }

    [Fact]
    public void Reopening_a_split_case_sends_it_to_the_command_room_not_to_a_department()
    {
        var split = new TransitionInput { NoDepartment = true, Reason = "现场仍有问题", Rating = CaseRating.Dissatisfied };

        Assert.Equal(Accepted, CaseWorkflow.SplitReopenedStatus);
        Assert.Equal(Accepted, CaseWorkflow.Decide(Resolved, Reopen, split).To);
        Assert.Equal(Accepted, CaseWorkflow.Decide(Resolved, Rate, split).To);
        Assert.Equal(Accepted, CaseWorkflow.Decide(Closed, Rate, split).To);
        Assert.Contains(CaseAction.Split, CaseWorkflow.AllowedActions(Accepted));
        Assert.Equal(Closed, CaseWorkflow.Decide(Resolved, Rate, split with { Rating = CaseRating.Satisfied }).To);
    }

    [Fact]
    public void Those_who_route_cases_split_them_and_nobody_takes_the_systems_move()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Equal(CaseRoles.MayAct(role, Assign), CaseRoles.MayAct(role, CaseAction.Split));
            Assert.False(CaseRoles.MayAct(role, ChildrenDone));
        }

        Assert.True(CaseRoles.MayAct(Role.PlatformOfficer, CaseAction.Split));
        Assert.False(CaseRoles.MayAct(Role.WindowClerk, CaseAction.Split));
    }

    [Theory]
    [InlineData(Resolved, true)]
    [InlineData(Closed, true)]
    [InlineData(Rejected, true)]
    [InlineData(Merged, true)]
    [InlineData(Assigned, false)]
    [InlineData(InProgress, false)]
    [InlineData(Returned, false)]
    public void A_child_counts_as_done_for_its_parent_once_its_department_work_is_over(CaseStatus status, bool done)
    {
        Assert.Equal(done, CaseWorkflow.IsDoneAsChild(status));
    }

    [Fact]
    public void Closed_and_rejected_cases_allow_only_a_rating()
    {
        Assert.Equal([Rate], CaseWorkflow.AllowedActions(Closed));
        Assert.Equal([Rate], CaseWorkflow.AllowedActions(Rejected));
    }

    [Theory]
    [InlineData(Reported, Reject)]
    [InlineData(Accepted, Reject)]
    [InlineData(Returned, Reject)]
    [InlineData(Assigned, Return)]
    [InlineData(InProgress, Return)]
    [InlineData(Resolved, Reopen)]
    public void Rejecting_returning_and_reopening_are_refused_without_a_reason(CaseStatus from, CaseAction action)
    {
        Assert.Equal(CaseRefusals.ReasonRequired, CaseWorkflow.Decide(from, action, Complete with { Reason = null }).Refusal);
        Assert.Equal(CaseRefusals.ReasonRequired, CaseWorkflow.Decide(from, action, Complete with { Reason = "" }).Refusal);
        Assert.Equal(CaseRefusals.ReasonRequired, CaseWorkflow.Decide(from, action, Complete with { Reason = "  \t " }).Refusal);
        Assert.True(CaseWorkflow.Decide(from, action, new TransitionInput { Reason = "重复上报" }).IsAllowed);
    }

    [Theory]
    [InlineData(InProgress, Resolve)]
    [InlineData(Resolved, Close)]
    public void Resolving_and_closing_without_a_rating_are_refused_without_a_note_of_what_was_done(CaseStatus from, CaseAction action)
    {
        Assert.Equal(CaseRefusals.NoteRequired, CaseWorkflow.Decide(from, action, Complete with { Note = null }).Refusal);
        Assert.Equal(CaseRefusals.NoteRequired, CaseWorkflow.Decide(from, action, Complete with { Note = " " }).Refusal);
        Assert.True(CaseWorkflow.Decide(from, action, new TransitionInput { Note = "回访三次未接通" }).IsAllowed);
    }

    [Fact]
    public void A_reason_or_note_longer_than_the_limit_is_refused_and_one_at_the_limit_is_taken()
    {
        var atLimit = new string('字', CaseWorkflow.TextMaxLength);
        var tooLong = atLimit + "字";

        Assert.True(CaseWorkflow.Decide(Reported, Reject, new TransitionInput { Reason = atLimit }).IsAllowed);
        Assert.Equal(CaseRefusals.ReasonTooLong, CaseWorkflow.Decide(Reported, Reject, new TransitionInput { Reason = tooLong }).Refusal);
        Assert.Equal(CaseRefusals.NoteTooLong, CaseWorkflow.Decide(InProgress, Resolve, new TransitionInput { Note = tooLong }).Refusal);
    }

    [Theory]
    [InlineData(Accepted, Assign)]
    [InlineData(Assigned, Reroute)]
    [InlineData(InProgress, Reroute)]
    [InlineData(Returned, Reroute)]
    public void Assigning_and_rerouting_are_refused_without_a_department(CaseStatus from, CaseAction action)
    {
        Assert.Equal(CaseRefusals.DepartmentRequired, CaseWorkflow.Decide(from, action, Complete with { DepartmentKey = null }).Refusal);
        Assert.Equal(CaseRefusals.DepartmentRequired, CaseWorkflow.Decide(from, action, Complete with { DepartmentKey = " " }).Refusal);
    }

    [Fact]
    public void Merging_is_refused_without_the_case_it_is_merged_into()
    {
        Assert.Equal(CaseRefusals.MergeTargetRequired, CaseWorkflow.Decide(Reported, Merge, Complete with { MergeInto = null }).Refusal);
    }

    [Fact]
    public void Accepting_and_starting_need_nothing_else()
    {
        Assert.Equal(Accepted, CaseWorkflow.Decide(Reported, Accept, TransitionInput.None).To);
        Assert.Equal(InProgress, CaseWorkflow.Decide(Assigned, Start, TransitionInput.None).To);
    }

    [Theory]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    [InlineData(Rejected)]
    public void Rating_is_refused_without_a_rating(CaseStatus from)
    {
        Assert.Equal(CaseRefusals.RatingRequired, CaseWorkflow.Decide(from, Rate, Complete with { Rating = null }).Refusal);
        Assert.Equal(CaseRefusals.RatingRequired, CaseWorkflow.Decide(from, Rate, Complete with { Rating = (CaseRating)99 }).Refusal);
    }

    [Theory]
    [InlineData(CaseRating.Satisfied)]
    [InlineData(CaseRating.BasicallySatisfied)]
    public void A_satisfied_or_basically_satisfied_rating_closes_a_resolved_case(CaseRating rating)
    {
        Assert.Equal(Closed, CaseWorkflow.Decide(Resolved, Rate, new TransitionInput { Rating = rating }).To);
    }

    [Fact]
    public void A_dissatisfied_rating_sends_a_resolved_case_back_to_its_department_to_be_taken_up_again()
    {
        var result = CaseWorkflow.Decide(Resolved, Rate, new TransitionInput { Rating = CaseRating.Dissatisfied });

        Assert.Equal(Assigned, result.To);
        Assert.Equal(CaseWorkflow.ReopenedStatus, result.To);
        Assert.Contains(Start, CaseWorkflow.AllowedActions(result.To!.Value));
    }

    [Fact]
    public void A_case_closed_without_a_rating_may_still_get_one_rating_and_a_bad_one_reopens_it()
    {
        Assert.Equal(Closed, CaseWorkflow.Decide(Closed, Rate, new TransitionInput { Rating = CaseRating.Satisfied }).To);
        Assert.Equal(Assigned, CaseWorkflow.Decide(Closed, Rate, new TransitionInput { Rating = CaseRating.Dissatisfied }).To);
    }

    [Theory]
    [InlineData(Closed)]
    [InlineData(Rejected)]
    public void A_closed_or_rejected_case_that_was_already_rated_cannot_be_rated_again(CaseStatus from)
    {
        var again = new TransitionInput { Rating = CaseRating.Dissatisfied, AlreadyRated = true };

        Assert.Equal(CaseRefusals.AlreadyRated, CaseWorkflow.Decide(from, Rate, again).Refusal);
    }

    [Fact]
    public void A_resolution_after_a_reopening_gets_its_own_rating()
    {
        // The flag speaks of the current outcome: the earlier, dissatisfied rating was of the earlier resolution.
        var rating = new TransitionInput { Rating = CaseRating.Satisfied, AlreadyRated = false };

        Assert.Equal(Closed, CaseWorkflow.Decide(Resolved, Rate, rating).To);
    }

    [Theory]
    [InlineData(CaseRating.Satisfied)]
    [InlineData(CaseRating.Dissatisfied)]
    public void Rating_a_rejection_records_the_rating_but_keeps_the_case_rejected(CaseRating rating)
    {
        Assert.Equal(Rejected, CaseWorkflow.Decide(Rejected, Rate, new TransitionInput { Rating = rating }).To);
    }

    [Fact]
    public void The_wrong_status_is_reported_before_any_missing_input()
    {
        Assert.Equal(CaseRefusals.NotAllowedFromStatus, CaseWorkflow.Decide(Closed, Reject, TransitionInput.None).Refusal);
    }

    [Fact]
    public void The_rule_for_an_action_tells_a_page_which_fields_to_ask_for()
    {
        Assert.Equal(TransitionNeeds.Reason, CaseWorkflow.Rule(Assigned, Return)!.Needs);
        Assert.Equal(TransitionNeeds.Note, CaseWorkflow.Rule(InProgress, Resolve)!.Needs);
        Assert.True(CaseWorkflow.Rule(Closed, Rate)!.Needs.HasFlag(TransitionNeeds.NotYetRated));
        Assert.Null(CaseWorkflow.Rule(Closed, Reopen));
    }

    [Theory]
    [InlineData(Reported, true)]
    [InlineData(Accepted, true)]
    [InlineData(Assigned, true)]
    [InlineData(InProgress, true)]
    [InlineData(Returned, true)]
    [InlineData(Resolved, false)]
    [InlineData(Closed, false)]
    [InlineData(Rejected, false)]
    [InlineData(Merged, false)]
    [InlineData(CaseStatus.Split, false)]
    public void The_deadline_runs_until_the_department_says_the_case_is_done(CaseStatus status, bool runs)
    {
        Assert.Equal(runs, CaseWorkflow.DeadlineRuns(status));
    }
}
