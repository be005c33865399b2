using Shigan.Core.Cases;

namespace Shigan.Data.Generate;

/// <summary>One history row of a generated case, as <c>CaseEvents</c> stores it.</summary>
public readonly record struct LifeStep(
    DateTime AtUtc, CaseEventKind Kind, CaseAction? Action, CaseStatus? From, CaseStatus? To, Actor Actor,
    string? Note = null, int? DepartmentId = null, string? DepartmentName = null, RouteBasis? RouteBasis = null,
    CaseRating? Rating = null, SupervisionLevel? Supervision = null);
