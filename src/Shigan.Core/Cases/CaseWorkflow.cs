using static Shigan.Core.Cases.CaseAction;
using static Shigan.Core.Cases.CaseStatus;

namespace Shigan.Core.Cases;

/// <summary>
/// The case state machine: the table of allowed transitions, and the decision for one action.
/// The command room may refuse or merge a case as long as no department holds it; a department
/// either works on it or hands it back; the outcome is closed by the reporter's rating.
/// A case needing several departments is split (拆分) into child cases, one per department; the parent waits in
/// <see cref="CaseStatus.Split"/> and is resolved by the system when the last child is done.
/// </summary>
public static class CaseWorkflow
{
    /// <summary>Reasons and notes are short texts; anything longer belongs in an attachment.</summary>
    public const int TextMaxLength = 1000;

    /// <summary>
    /// Where a dissatisfied rating sends a case: back to the same department as Assigned, not InProgress,
    /// so the department has to take it up again and the reopened case shows in its queue as new work.
    /// </summary>
    public const CaseStatus ReopenedStatus = Assigned;

    /// <summary>
    /// Where reopening sends a split case (a check that failed, or a dissatisfied rating): it has no department of its
    /// own, so it goes back to the command room, which routes it to one department or splits it again. Its children
    /// stay as they are: their work was done, and the history keeps it.
    /// </summary>
    public const CaseStatus SplitReopenedStatus = Accepted;

    /// <summary>A split makes at least two parts (one part is a re-routing) and at most five (more is a campaign).</summary>
    public const int MinParts = 2;

    public const int MaxParts = 5;

    private const TransitionNeeds RatingOnce = TransitionNeeds.Rating | TransitionNeeds.NotYetRated | TransitionNeeds.NotAChild;

    private const TransitionNeeds SplitParts = TransitionNeeds.Parts | TransitionNeeds.NotAChild;

    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        new(Reported, Accept, Accepted),
        new(Reported, Reject, Rejected, TransitionNeeds.Reason),
        new(Reported, Merge, Merged, TransitionNeeds.MergeTarget),

        new(Accepted, Assign, Assigned, TransitionNeeds.Department),
        new(Accepted, Reject, Rejected, TransitionNeeds.Reason),
        new(Accepted, Merge, Merged, TransitionNeeds.MergeTarget),
        new(Accepted, CaseAction.Split, CaseStatus.Split, SplitParts),

        new(Assigned, Start, InProgress),
        new(Assigned, Reroute, Assigned, TransitionNeeds.Department),
        new(Assigned, Return, Returned, TransitionNeeds.Reason),
        new(Assigned, Merge, Merged, TransitionNeeds.MergeTarget),
        new(Assigned, CaseAction.Split, CaseStatus.Split, SplitParts),

        new(InProgress, Resolve, Resolved, TransitionNeeds.Note),
        new(InProgress, Reroute, Assigned, TransitionNeeds.Department),
        new(InProgress, Return, Returned, TransitionNeeds.Reason),
        new(InProgress, Merge, Merged, TransitionNeeds.MergeTarget),
        new(InProgress, CaseAction.Split, CaseStatus.Split, SplitParts),

        new(Returned, Reroute, Assigned, TransitionNeeds.Department),
        new(Returned, Reject, Rejected, TransitionNeeds.Reason),
        new(Returned, Merge, Merged, TransitionNeeds.MergeTarget),
        new(Returned, CaseAction.Split, CaseStatus.Split, SplitParts),

        // A split case is its children's: nobody resolves, re-routes, refuses or merges it by hand meanwhile.
        new(CaseStatus.Split, ChildrenDone, Resolved, TransitionNeeds.ChildrenDone),

        new(Resolved, Rate, Closed, TransitionNeeds.Rating | TransitionNeeds.NotAChild, ToIfDissatisfied: ReopenedStatus),
        new(Resolved, Reopen, ReopenedStatus, TransitionNeeds.Reason),
        new(Resolved, Close, Closed, TransitionNeeds.Note),

        // Closed and Rejected are final, except that an outcome nobody rated yet may still get its one rating.
        new(Closed, Rate, Closed, RatingOnce, ToIfDissatisfied: ReopenedStatus),

        // A bad rating of a refusal is recorded and may be pursued by people; it does not reopen anything.
        new(Rejected, Rate, Rejected, RatingOnce),
    ];

    private static readonly Dictionary<(CaseStatus, CaseAction), TransitionRule> ByKey =
        Rules.ToDictionary(r => (r.From, r.Action));

    /// <summary>The actions a person may take on a case in this status, in table order (the system's own are left out).</summary>
    public static IReadOnlyList<CaseAction> AllowedActions(CaseStatus status) => AllowedActions(status, isChild: false);

    /// <summary>The same for a child of a split, which is neither rated nor split again.</summary>
    public static IReadOnlyList<CaseAction> AllowedActions(CaseStatus status, bool isChild) =>
        [.. Rules.Where(r => r.From == status && !IsBySystem(r.Action) && !(isChild && r.Needs.HasFlag(TransitionNeeds.NotAChild))).Select(r => r.Action)];

    /// <summary>Moves only the system makes: no role may take them, no page offers them.</summary>
    public static bool IsBySystem(CaseAction action) => action == ChildrenDone;

    /// <summary>Whether a child of a split is done, as far as its parent is concerned: its department's work is over.</summary>
    public static bool IsDoneAsChild(CaseStatus status) => status is Resolved or Closed or Rejected or Merged;

    public static TransitionRule? Rule(CaseStatus from, CaseAction action) =>
        ByKey.GetValueOrDefault((from, action));

    /// <summary>
    /// Whether the deadline is running: from the report until the department says it is done. A split case's deadline
    /// runs in its children (which carry the same one), so it is not supervised twice.
    /// </summary>
    public static bool DeadlineRuns(CaseStatus status) =>
        status is Reported or Accepted or Assigned or InProgress or Returned;

    public static TransitionResult Decide(CaseStatus from, CaseAction action, TransitionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Rule(from, action) is not { } rule)
        {
            return TransitionResult.Refused(CaseRefusals.NotAllowedFromStatus);
        }

        if (Missing(rule.Needs, input) is { } refusal)
        {
            return TransitionResult.Refused(refusal);
        }

        var to = input.Rating == CaseRating.Dissatisfied && rule.ToIfDissatisfied is { } reopened ? reopened : rule.To;
        return TransitionResult.Allowed(
            to == ReopenedStatus && action is Reopen or Rate && input.NoDepartment ? SplitReopenedStatus : to);
    }

    private static string? Missing(TransitionNeeds needs, TransitionInput input)
    {
        if (needs.HasFlag(TransitionNeeds.NotAChild) && input.IsChild)
        {
            return CaseRefusals.ChildCase;
        }

        if (needs.HasFlag(TransitionNeeds.Reason) && CheckText(input.Reason, CaseRefusals.ReasonRequired, CaseRefusals.ReasonTooLong) is { } reason)
        {
            return reason;
        }

        if (needs.HasFlag(TransitionNeeds.Note) && CheckText(input.Note, CaseRefusals.NoteRequired, CaseRefusals.NoteTooLong) is { } note)
        {
            return note;
        }

        if (needs.HasFlag(TransitionNeeds.Rating) && (input.Rating is not { } rating || !Enum.IsDefined(rating)))
        {
            return CaseRefusals.RatingRequired;
        }

        if (needs.HasFlag(TransitionNeeds.NotYetRated) && input.AlreadyRated)
        {
            return CaseRefusals.AlreadyRated;
        }

        if (needs.HasFlag(TransitionNeeds.Department) && string.IsNullOrWhiteSpace(input.DepartmentKey))
        {
            return CaseRefusals.DepartmentRequired;
        }

        if (needs.HasFlag(TransitionNeeds.MergeTarget) && string.IsNullOrWhiteSpace(input.MergeInto))
        {
            return CaseRefusals.MergeTargetRequired;
        }

        if (needs.HasFlag(TransitionNeeds.Parts) && input.PartCount is < MinParts or > MaxParts)
        {
            return CaseRefusals.PartsCount;
        }

        if (needs.HasFlag(TransitionNeeds.ChildrenDone) && input.OpenChildren > 0)
        {
            return CaseRefusals.ChildrenOpen;
        }

        return null;
    }

    private static string? CheckText(string? text, string whenMissing, string whenTooLong) =>
        string.IsNullOrWhiteSpace(text) ? whenMissing
        : text.Trim().Length > TextMaxLength ? whenTooLong
        : null;
}
