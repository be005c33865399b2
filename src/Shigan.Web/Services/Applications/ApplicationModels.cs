using Shigan.Core.Services;
using Shigan.Core.Services.Applications;

namespace Shigan.Web.Services.Applications;

/// <summary>An application as the window takes it: the life event, the applicant, and the materials checked off (by name).</summary>
public sealed record IntakeInput(string? LifeEventCode, string? ApplicantName, string? ApplicantPhone, IReadOnlyList<string>? Materials);

public sealed record IntakeReceipt(long Id, string TrackingNumber, IReadOnlyList<PartItem> Parts);

/// <summary>What the actor's window takes of a life event, before anything is written: what to check off, who gets which part.</summary>
public sealed record Checklist(
    string LifeEventCode, string LifeEventName, ServiceChannels Channel, string Place,
    IReadOnlyList<ChecklistMaterial> Materials, IReadOnlyList<ChecklistPart> Parts, IReadOnlyList<string> NotTaken);

public sealed record ChecklistMaterial(string Name, MaterialForm Form, IReadOnlyList<string> ItemNames);

public sealed record ChecklistPart(string DepartmentName, IReadOnlyList<string> ItemNames, int PromisedDays, DateOnly DueOn);

/// <summary>A department's action on its part. <see cref="MustReturn"/> says, for a material asked for, whether the citizen has to come back with it.</summary>
public sealed record PartActionInput(PartAction? Action, string? Reason, string? Material, bool? MustReturn, string? Note, int? Version);

/// <summary>A trip the citizen made after intake; <see cref="Version"/> is the application's, as read.</summary>
public sealed record TripInput(TripPurpose? Purpose, string? Place, string? Note, int? Version);

public sealed record ApplicationItem(
    long Id, string TrackingNumber, string LifeEventName, ServiceChannels Channel, string UnitName, string? TakenByDepartmentName,
    ApplicationStatus Status, DateTime TakenAtUtc, int Trips, int PartsDone, int Parts);

public sealed record ApplicationPage(IReadOnlyList<ApplicationItem> Items, long? Next);

public sealed record PartItem(
    long Id, int DepartmentId, string DepartmentName, IReadOnlyList<string> ItemCodes, IReadOnlyList<string> ItemNames,
    PartStatus Status, DateOnly DueOn, string? RequestedMaterial, bool MustReturn, string? RefusalReason, DateTime? FinishedAtUtc,
    bool IsLate, int Version, IReadOnlyList<PartAction> AllowedActions);

public sealed record ApplicationEventItem(
    long Id, DateTime AtUtc, ApplicationEventKind Kind, PartAction? Action, PartStatus? FromStatus, PartStatus? ToStatus,
    string? DepartmentName, string? Material, string ActorName, string? Note);

public sealed record TripItem(long Id, int Number, DateTime AtUtc, string Place, TripPurpose Purpose, string? Note);

public sealed record ApplicationDetail(
    long Id, string TrackingNumber, string LifeEventCode, string LifeEventName, ServiceChannels Channel, string UnitName,
    string? TakenByDepartmentName, string TakenByName, DateTime TakenAtUtc, string ApplicantName, string ApplicantPhone,
    IReadOnlyList<CheckedMaterial> Materials, ApplicationStatus Status, DateTime? DoneAtUtc, int Version,
    IReadOnlyList<PartItem> Parts, IReadOnlyList<TripItem> Trips, IReadOnlyList<ApplicationEventItem> History);

/// <summary>What a citizen sees by the tracking number: no name, no phone, no note a department wrote.</summary>
public sealed record PublicApplicationView(
    string TrackingNumber, string LifeEventName, string Place, DateTime TakenAtUtc, ApplicationStatus Status, DateTime? DoneAtUtc,
    int Trips, IReadOnlyList<PublicPart> Parts);

public sealed record PublicPart(string DepartmentName, IReadOnlyList<string> ItemNames, PartStatus Status, DateOnly DueOn, string? RequestedMaterial);
