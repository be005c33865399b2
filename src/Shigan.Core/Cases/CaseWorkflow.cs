using static Shigan.Core.Cases.CaseAction;
using static Shigan.Core.Cases.CaseStatus;

namespace Shigan.Core.Cases;

/// <summary>
/// The case state machine: the table of allowed transitions, and the decision for one action.
/// The command room may refuse or merge a case as long as no department holds it; a department
/// either works on it or hands it back; the outcome is closed by the reporter's rating.
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

    private const TransitionNeeds RatingOnce = TransitionNeeds.Rating | TransitionNeeds.NotYetRated;

    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        new(Reported, Accept, Accepted),
        new(Reported, Reject, Rejected, TransitionNeeds.Reason),
        new(Reported, Merge, Merged, TransitionNeeds.MergeTarget),

        new(Accepted, Assign, Assigned, TransitionNeeds.Department),
        new(Accepted, Reject, Rejected, TransitionNeeds.Reason),
        new(Accepted, Merge, Merged, TransitionNeeds.MergeTarget),

        new(Assigned, Start, InProgress),
        new(Assigned, Reroute, Assigned, TransitionNeeds.Department),
        new(Assigned, Return, Returned, TransitionNeeds.Reason),
        new(Assigned, Merge, Merged, TransitionNeeds.MergeTarget),

        new(InProgress, Resolve, Resolved, TransitionNeeds.Note),
        new(InProgress, Reroute, Assigned, TransitionNeeds.Department),
        new(InProgress, Return, Returned, TransitionNeeds.Reason),
        new(InProgress, Merge, Merged, TransitionNeeds.MergeTarget),

        new(Returned, Reroute, Assigned, TransitionNeeds.Department),
        new(Returned, Reject, Rejected, TransitionNeeds.Reason),
        new(Returned, Merge, Merged, TransitionNeeds.MergeTarget),

        new(Resolved, Rate, Closed, TransitionNeeds.Rating, ToIfDissatisfied: ReopenedStatus),
        new(Resolved, Reopen, ReopenedStatus, TransitionNeeds.Reason),
        new(Resolved, Close, Closed, TransitionNeeds.Note),

        // Closed and Rejected are final, except that an outcome nobody rated yet may still get its one rating.
        new(Closed, Rate, Closed, RatingOnce, ToIfDissatisfied: ReopenedStatus),

        // A bad rating of a refusal is recorded and may be pursued by people; it does not reopen anything.
        new(Rejected, Rate, Rejected, RatingOnce),
    ];

    private static readonly Dictionary<(CaseStatus, CaseAction), TransitionRule> ByKey =
        Rules.ToDictionary(r => (r.From, r.Action));

    /// <summary>The actions offered for a case in this status, in table order.</summary>
    public static IReadOnlyList<CaseAction> AllowedActions(CaseStatus status) =>
        [.. Rules.Where(r => r.From == status).Select(r => r.Action)];

    public static TransitionRule? Rule(CaseStatus from, CaseAction action) =>
        ByKey.GetValueOrDefault((from, action));

    /// <summary>Whether the deadline is running: from the report until the department says it is done.</summary>
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

        return input.Rating == CaseRating.Dissatisfied && rule.ToIfDissatisfied is { } reopened
            ? TransitionResult.Allowed(reopened)
            : TransitionResult.Allowed(rule.To);
    }

    private static string? Missing(TransitionNeeds needs, TransitionInput input)
    {
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

        return null;
    }

    private static string? CheckText(string? text, string whenMissing, string whenTooLong) =>
        string.IsNullOrWhiteSpace(text) ? whenMissing
        : text.Trim().Length > TextMaxLength ? whenTooLong
        : null;
}
