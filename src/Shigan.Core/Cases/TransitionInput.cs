namespace Shigan.Core.Cases;

/// <summary>What the person acting supplied with the action; each rule reads only what it needs.</summary>
public sealed record TransitionInput
{
    public static TransitionInput None { get; } = new();

    /// <summary>Why: for a rejection, a return or a reopening.</summary>
    public string? Reason { get; init; }

    /// <summary>What was done: for a resolution, or a closing without a rating.</summary>
    public string? Note { get; init; }

    public CaseRating? Rating { get; init; }

    /// <summary>The department the case goes to, for an assignment or a re-routing.</summary>
    public string? DepartmentKey { get; init; }

    /// <summary>The tracking number of the case a duplicate is merged into.</summary>
    public string? MergeInto { get; init; }

    /// <summary>Whether the current outcome (the last resolution, or the rejection) already has its rating.</summary>
    public bool AlreadyRated { get; init; }

    /// <summary>How many child cases a split would make.</summary>
    public int PartCount { get; init; }

    /// <summary>Whether the case is a child of a split (it has a parent).</summary>
    public bool IsChild { get; init; }

    /// <summary>How many children of a split case are still open.</summary>
    public int OpenChildren { get; init; }

    /// <summary>
    /// Whether the case has no department of its own: a split case, whose departments hold its children. Reopening
    /// such a case sends it to the command room (<see cref="CaseWorkflow.SplitReopenedStatus"/>), not to a department.
    /// </summary>
    public bool NoDepartment { get; init; }
}
