namespace Shigan.Core.Contests;

/// <summary>
/// A score sheet's life: computed (a draft for review) → published → frozen. A correction publishes a new version and
/// the one it replaces is superseded; a draft computed again is discarded. Rows of any version never change.
/// </summary>
public enum SheetStatus
{
    /// <summary>待发布: computed, for review.</summary>
    Computed = 1,

    /// <summary>已发布: the current sheet of its period; may still be corrected.</summary>
    Published = 2,

    /// <summary>已冻结: final; no correction.</summary>
    Frozen = 3,

    /// <summary>已更正: replaced by a later version with a reason; still readable.</summary>
    Superseded = 4,

    /// <summary>已作废: a draft replaced by a newer computation before it was published.</summary>
    Discarded = 5,
}
