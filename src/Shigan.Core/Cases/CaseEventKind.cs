namespace Shigan.Core.Cases;

/// <summary>What a history entry records: a workflow action, or something that happened to the case.</summary>
public enum CaseEventKind
{
    Reported = 1,
    Action = 2,

    /// <summary>Routed automatically at intake (by a rule or the category's default).</summary>
    Routed = 3,

    /// <summary>督办: raised by the deadline job.</summary>
    Supervised = 4,
}
