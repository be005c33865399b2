using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.Cases;

public sealed record ReportInput(
    string? CategoryCode, int? RegionId, string? Address, double? Latitude, double? Longitude,
    string? Description, string? ReporterName, string? ReporterPhone, CaseSource? Source);

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
    IReadOnlyList<AttachmentItem>? Attachments = null);

/// <summary>What anyone holding the tracking number may see: no names, no phone numbers, no staff names.</summary>
public sealed record PublicCaseView(
    string TrackingNumber, string Category, CaseStatus Status, string Place, DateTime ReportedAtUtc, DateTime DeadlineUtc,
    string? DepartmentName, bool CanRate, IReadOnlyList<PublicCaseStep> Steps);

public sealed record PublicCaseStep(DateTime AtUtc, CaseStatus? Status, string? Note);

public sealed record ReportReceipt(long Id, string TrackingNumber, CaseStatus Status, string? DepartmentName, DateTime DeadlineUtc);

public sealed record PublicRating(string? Phone, CaseRating? Rating, string? Comment);
