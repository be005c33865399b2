namespace Shigan.Core.Campaigns;

public enum StageRefusal
{
    None = 0,

    /// <summary>No such stage in this campaign.</summary>
    UnknownStage,

    /// <summary>The target is already there.</summary>
    NoChange,

    /// <summary>Back a stage: only a campaign manager may.</summary>
    BackwardNotAllowed,

    /// <summary>Back a stage without saying why.</summary>
    ReasonRequired,

    /// <summary>A compound or building: its progress is its households'.</summary>
    NotALeaf,

    /// <summary>Dated before the target's last move: its history would no longer read in order.</summary>
    BeforeLastMove,
}
