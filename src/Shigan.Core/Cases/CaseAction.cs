namespace Shigan.Core.Cases;

/// <summary>What someone does to a case. Which action is allowed from which status is <see cref="CaseWorkflow.Rules"/>.</summary>
public enum CaseAction
{
    /// <summary>受理</summary>
    Accept = 1,

    /// <summary>不予受理 (needs a reason)</summary>
    Reject = 2,

    /// <summary>交办: the first sending to a department.</summary>
    Assign = 3,

    /// <summary>改派: sending it to another department, by hand or after a return.</summary>
    Reroute = 4,

    /// <summary>签收: the department takes it up.</summary>
    Start = 5,

    /// <summary>办结 (needs a note of what was done)</summary>
    Resolve = 6,

    /// <summary>评价 (needs a rating)</summary>
    Rate = 7,

    /// <summary>结案 without a rating, e.g. the follow-up call (回访) reached nobody (needs a note).</summary>
    Close = 8,

    /// <summary>核查不通过: the result was checked and found not done (needs a reason).</summary>
    Reopen = 9,

    /// <summary>退回: the department is not responsible (needs a reason).</summary>
    Return = 10,

    /// <summary>合并: this case duplicates another (needs the other case).</summary>
    Merge = 11,

    /// <summary>拆分: the case goes to several departments as child cases (needs 2 to 5 parts).</summary>
    Split = 12,

    /// <summary>
    /// 子事件均已办结: the system's move when the last child of a split case is done; no person takes it
    /// (<see cref="CaseWorkflow.IsBySystem"/>).
    /// </summary>
    ChildrenDone = 13,
}
