namespace Shigan.Core.Cases;

/// <summary>What a transition must be given before it is allowed; pages read it to show the right fields.</summary>
[Flags]
public enum TransitionNeeds
{
    None = 0,
    Reason = 1,
    Note = 2,
    Rating = 4,
    Department = 8,
    MergeTarget = 16,

    /// <summary>The outcome (resolution or rejection) must not have been rated yet: one rating per outcome.</summary>
    NotYetRated = 32,

    /// <summary>The parts of a split: <see cref="CaseWorkflow.MinParts"/> to <see cref="CaseWorkflow.MaxParts"/> of them.</summary>
    Parts = 64,

    /// <summary>
    /// Not for a child of a split: its reporter rates the case they reported (the parent), and a child is not split
    /// again, so the public only ever follows one case with one level of parts.
    /// </summary>
    NotAChild = 128,

    /// <summary>Every child of the split case is done (resolved, closed, rejected or merged).</summary>
    ChildrenDone = 256,
}
