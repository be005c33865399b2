using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.Cases;

/// <summary>
/// A report as any channel sends it. <see cref="Answers"/> are the answers to the category's questions; null means the
/// channel did not ask them (the window form, the public page), so required questions are not enforced.
/// </summary>
public sealed record ReportInput(
    string? CategoryCode, int? RegionId, string? Address, double? Latitude, double? Longitude,
    string? Description, string? ReporterName, string? ReporterPhone, CaseSource? Source,
    IReadOnlyList<CaseAnswer>? Answers = null);

/// <summary>
/// Who filed a report through Open311, and the token it is given. Kept out of <see cref="ReportInput"/> so no JSON body
/// can claim to come from a client.
/// </summary>
public sealed record Open311Filing(int ClientId, string ClientName, string Token);

public sealed record ActionInput(CaseAction? Action, string? Reason, string? Note, CaseRating? Rating, int? DepartmentId, string? MergeInto, int? Version);

public sealed record ExtensionInput(int? Value, TimeLimitUnit? Unit, string? Reason, int? Version);

/// <summary>The leader's answer to a pending extension: approve, or refuse with a note saying why.</summary>
public sealed record ExtensionDecisionInput(bool? Approve, string? Note, int? Version);

/// <summary>The extension waiting for approval, as pages and clients see it.</summary>
public sealed record PendingExtension(int Value, TimeLimitUnit Unit, string Reason, DateTime RequestedAtUtc, string? RequestedById);

public sealed record CaseItem(
    long Id, string TrackingNumber, string Category, Platform Platform, CaseStatus Status, SupervisionLevel Supervision,
    string RegionName, string? DepartmentName, DateTime ReportedAtUtc, DateTime DeadlineUtc, bool IsLate);

public sealed record CaseEventItem(
    long Id, DateTime AtUtc, CaseEventKind Kind, CaseAction? Action, CaseStatus? FromStatus, CaseStatus? ToStatus,
    string ActorName, string? Note, string? DepartmentName, RouteBasis? RouteBasis, CaseRating? Rating, SupervisionLevel? Supervision);

public sealed record CaseDetail(
    long Id, string TrackingNumber, string CategoryCode, string Category, Platform Platform, CaseStatus Status, SupervisionLevel Supervision,
    CaseSource Source, int RegionId, string RegionName, string? Address, double? Latitude, double? Longitude, string Description,
    string? ReporterName, string? ReporterPhone, DateTime ReportedAtUtc, DateTime DeadlineUtc, bool IsLate,
    int? DepartmentId, string? DepartmentName, CaseRating? Rating, long? MergedIntoId, int Version,
    IReadOnlyList<CaseAction> AllowedActions, IReadOnlyList<CaseEventItem> History, PendingExtension? PendingExtension = null,
    LinkedCase? Parent = null, IReadOnlyList<LinkedCase>? Children = null, LinkedCase? MergedInto = null,
    IReadOnlyList<MergedDuplicate>? Duplicates = null, IReadOnlyList<AttachmentItem>? Attachments = null,
    IReadOnlyList<AnswerItem>? Answers = null);

/// <summary>The reporter's answer to one of the category's questions, as shown: the question and the chosen names.</summary>
public sealed record AnswerItem(string Code, string Question, string Answer);

/// <summary>A case linked to another: the case it was split from, one of its children, or the case it was merged into.</summary>
public sealed record LinkedCase(long Id, string TrackingNumber, CaseStatus Status, string? DepartmentName);

/// <summary>
/// A duplicate merged into a case, with its reporter, so the follow-up reaches both reporters. Masked like the case's
/// own reporter for those who may not read reporters.
/// </summary>
public sealed record MergedDuplicate(long Id, string TrackingNumber, DateTime ReportedAtUtc, string? ReporterName, string? ReporterPhone);

/// <summary>拆分: the parts of the case, one child case each, and the version of the case the caller read.</summary>
public sealed record SplitInput(int? Version, IReadOnlyList<SplitPart?>? Parts);

/// <summary>
/// One part: a department of the case's township; its own description (blank: the case's) and category (blank: the
/// case's, which gives the child its platform; the deadline stays the case's).
/// </summary>
public sealed record SplitPart(int? DepartmentId, string? Description, string? CategoryCode);

/// <summary>The child cases a split made, in the order of the parts.</summary>
public sealed record SplitReceipt(IReadOnlyList<SplitChild> Children);

public sealed record SplitChild(long Id, string TrackingNumber, int DepartmentId, string DepartmentName);

/// <summary>
/// What anyone holding the tracking number may see: no names, no phone numbers, no staff names. A merged duplicate
/// names the case it was merged into, which its reporter follows from then on.
/// </summary>
public sealed record PublicCaseView(
    string TrackingNumber, string Category, CaseStatus Status, string Place, DateTime ReportedAtUtc, DateTime DeadlineUtc,
    string? DepartmentName, bool CanRate, IReadOnlyList<PublicCaseStep> Steps, string? MergedInto = null);

/// <summary>One step of the public progress; <see cref="Part"/> names the department of a split's part (拆分办理) it is about.</summary>
public sealed record PublicCaseStep(DateTime AtUtc, CaseStatus? Status, string? Note, string? Part = null);

public sealed record ReportReceipt(long Id, string TrackingNumber, CaseStatus Status, string? DepartmentName, DateTime DeadlineUtc);

/// <summary>A checked and routed report, not yet saved: the new case with its history, and the department it went to.</summary>
public sealed record PreparedReport(Case Case, string? DepartmentName)
{
    /// <summary>What the reporter is told, once the case is saved and has its id.</summary>
    public ReportReceipt Receipt => new(Case.Id, Case.TrackingNumber, Case.Status, DepartmentName, Case.DeadlineUtc);
}

public sealed record PublicRating(string? Phone, CaseRating? Rating, string? Comment);
