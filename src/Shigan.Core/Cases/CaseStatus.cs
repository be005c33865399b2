namespace Shigan.Core.Cases;

/// <summary>Where a case stands. Supervision (督办) is not a status: it is <see cref="SupervisionLevel"/>, kept beside it.</summary>
public enum CaseStatus
{
    /// <summary>已上报: taken in, not yet looked at by the command room.</summary>
    Reported = 1,

    /// <summary>已受理: the command room took it on and will route it.</summary>
    Accepted = 2,

    /// <summary>不予受理: refused at intake, with a reason.</summary>
    Rejected = 3,

    /// <summary>已交办: sent to a department, not yet taken up there.</summary>
    Assigned = 4,

    /// <summary>办理中: the department is working on it.</summary>
    InProgress = 5,

    /// <summary>已办结: the department says it is done; waiting for the reporter's rating.</summary>
    Resolved = 6,

    /// <summary>已关闭 / 已评价</summary>
    Closed = 7,

    /// <summary>已退回: a department said it is not theirs; waiting to be re-routed.</summary>
    Returned = 8,

    /// <summary>已合并: a duplicate folded into another case, which carries on for both reporters.</summary>
    Merged = 9,

    /// <summary>
    /// 拆分办理中: the command room split it into child cases, one per department. Nobody acts on it by hand; the system
    /// resolves it when its last child is done, and the reporter rates it as usual.
    /// </summary>
    Split = 10,
}
