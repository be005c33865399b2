using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>One entry of a case's history: who, when, from which status to which, with what note. Never edited.</summary>
public sealed class CaseEvent : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public Case? Case { get; set; }

    public DateTime AtUtc { get; set; }

    public CaseEventKind Kind { get; set; }

    public CaseAction? Action { get; set; }

    public CaseStatus? FromStatus { get; set; }

    public CaseStatus? ToStatus { get; set; }

    /// <summary>The account that acted; null for the system (routing, the deadline job) or a citizen.</summary>
    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Note { get; set; }

    public int? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    public RouteBasis? RouteBasis { get; set; }

    public CaseRating? Rating { get; set; }

    public SupervisionLevel? Supervision { get; set; }

    public required string RegionPath { get; set; }
}
