using System.Diagnostics.CodeAnalysis;
using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// One problem reported to a township (事件). It belongs to the unit where it happened, so the unit and those above
/// it see it. Its public tracking number is derived from its id and report date, never stored.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "Case is the glossary's word (DESIGN.md); nothing here is consumed from Visual Basic.")]
public sealed class Case : IInRegion, IKeepsOwnHistory
{
    public const int DescriptionMaxLength = 2000;
    public const int AddressMaxLength = 200;
    public const int ReporterNameMaxLength = 32;
    public const int PhoneMaxLength = 20;

    public long Id { get; set; }

    public int CategoryId { get; set; }

    public CaseCategory? Category { get; set; }

    /// <summary>Copied from the category at intake: a later catalogue change does not move open cases.</summary>
    public Platform Platform { get; set; }

    public CaseStatus Status { get; set; }

    public SupervisionLevel Supervision { get; set; }

    public CaseSource Source { get; set; }

    /// <summary>Where it happened: a township, village or grid.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    public string? Address { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public required string Description { get; set; }

    public string? ReporterName { get; set; }

    public string? ReporterPhone { get; set; }

    /// <summary>The account that took or made the report; null for a citizen on the public page or Open311.</summary>
    public string? ReportedById { get; set; }

    public DateTime ReportedAtUtc { get; set; }

    public DateTime DeadlineUtc { get; set; }

    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public CaseRating? Rating { get; set; }

    /// <summary>Whether the current outcome (the last resolution or the rejection) has its one rating.</summary>
    public bool OutcomeRated { get; set; }

    public long? MergedIntoId { get; set; }

    /// <summary>The case this one was split from (拆分): each child goes to its own department.</summary>
    public long? ParentId { get; set; }

    /// <summary>The Open311 client that filed it, if one did.</summary>
    public int? Open311ClientId { get; set; }

    /// <summary>The unguessable token given to an Open311 client with the report (GeoReport v2 tokens/{token}).</summary>
    public string? Open311Token { get; set; }

    /// <summary>Answers to the category's questions.</summary>
    public List<CaseAnswer> Answers { get; set; } = [];

    // The pending extension request (申请延期), at most one at a time; all null when none waits for approval.
    // Kept on the case rather than in a table of its own: it lives only until decided, and the history keeps the record.
    public int? ExtensionValue { get; set; }

    public TimeLimitUnit? ExtensionUnit { get; set; }

    public string? ExtensionReason { get; set; }

    public DateTime? ExtensionRequestedAtUtc { get; set; }

    /// <summary>Who asked: they may not approve their own request.</summary>
    public string? ExtensionRequestedById { get; set; }

    public bool HasPendingExtension => ExtensionRequestedAtUtc is not null;

    /// <summary>Bumped by every change; two officers acting at once: the second is told, nothing is lost.</summary>
    public int Version { get; set; }

    public List<CaseEvent> Events { get; set; } = [];

    public string TrackingNumber => Cases.TrackingNumber.New(new DateTimeOffset(ReportedAtUtc, TimeSpan.Zero), Id);
}
