using Shigan.Core.Cases;
using static Shigan.Core.Tests.Cases.China;

namespace Shigan.Core.Tests.Cases;

/// <summary>More time for a case: asked for before the deadline, counted from it once approved.</summary>
public sealed class ExtensionTests
{
    private static readonly DateTimeOffset Deadline = At(3, 12, 17, 30);   // Thursday

    [Fact]
    public void An_extension_asked_for_before_the_deadline_goes_to_approval()
    {
        var result = Extension.Request(At(3, 12, 17), Deadline, TimeLimit.WorkingDays(2));

        Assert.True(result.IsAccepted);
        Assert.Null(result.Refusal);
        Assert.Equal(new ExtensionRequest(At(3, 12, 17), Deadline, TimeLimit.WorkingDays(2)), result.Request);
    }

    [Fact]
    public void An_extension_asked_for_at_or_after_the_deadline_is_refused()
    {
        Assert.Equal(CaseRefusals.DeadlinePassed, Extension.Request(Deadline, Deadline, TimeLimit.WorkingDays(2)).Refusal);
        Assert.Equal(CaseRefusals.DeadlinePassed, Extension.Request(At(3, 12, 17, 31), Deadline, TimeLimit.WorkingDays(2)).Refusal);
        Assert.Null(Extension.Request(At(3, 13, 9), Deadline, TimeLimit.WorkingDays(2)).Request);
    }

    [Fact]
    public void An_extension_of_same_day_adds_no_time_and_is_refused()
    {
        Assert.Equal(CaseRefusals.ExtensionMustAddTime, Extension.Request(At(3, 12, 9), Deadline, TimeLimit.SameDay).Refusal);
    }

    [Fact]
    public void An_approved_extension_is_counted_from_the_current_deadline_not_from_the_day_of_approval()
    {
        // Thursday's deadline plus two working days: Friday and Monday.
        Assert.Equal(At(3, 16, 17, 30), Extension.Approve(Deadline, TimeLimit.WorkingDays(2), Calendar));
        Assert.Equal(At(3, 13, 11, 30), Extension.Approve(Deadline, TimeLimit.WorkingHours(3), Calendar));
        Assert.Equal(At(3, 15, 23, 59, 59), Extension.Approve(Deadline, TimeLimit.CalendarDays(3), Calendar));
    }

    [Fact]
    public void An_extension_across_may_day_counts_only_working_days()
    {
        // Due Thursday 30 April; 1–5 May are off, Saturday 9 May is worked.
        var deadline = At(4, 30, 17, 30);

        Assert.Equal(At(5, 9, 17, 30), Extension.Approve(deadline, TimeLimit.WorkingDays(4), Calendar));
    }
}
