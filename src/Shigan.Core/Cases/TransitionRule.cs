namespace Shigan.Core.Cases;

/// <summary>
/// One row of the transition table. <see cref="ToIfDissatisfied"/> is set only on rating rows,
/// where a dissatisfied rating leads somewhere else than the others.
/// </summary>
public sealed record TransitionRule(
    CaseStatus From,
    CaseAction Action,
    CaseStatus To,
    TransitionNeeds Needs = TransitionNeeds.None,
    CaseStatus? ToIfDissatisfied = null);
