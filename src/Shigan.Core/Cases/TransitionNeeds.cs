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
}
