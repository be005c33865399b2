namespace Shigan.Core.Cases;

/// <summary>
/// Extensions of a deadline: asked for before it passes (a late case cannot buy itself time), and once approved
/// the extra time is counted from the deadline then in force, not from the day of approval.
/// </summary>
public static class Extension
{
    public static ExtensionRequestResult Request(DateTimeOffset now, DateTimeOffset deadline, TimeLimit extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        if (now >= deadline)
        {
            return new(null, CaseRefusals.DeadlinePassed);
        }

        // "Same day" counted from a deadline would add nothing, or land before it.
        if (extra.Unit == TimeLimitUnit.SameDay)
        {
            return new(null, CaseRefusals.ExtensionMustAddTime);
        }

        return new(new ExtensionRequest(now, deadline, extra), null);
    }

    /// <summary>The deadline after an approved extension, counted from <paramref name="currentDeadline"/>.</summary>
    public static DateTimeOffset Approve(DateTimeOffset currentDeadline, TimeLimit extra, WorkingCalendar calendar) =>
        DeadlineCalculator.Due(currentDeadline, extra, calendar);
}
