namespace Shigan.Core.Cases;

/// <summary>The reporter's rating of the outcome (好差评).</summary>
public enum CaseRating
{
    /// <summary>满意</summary>
    Satisfied = 1,

    /// <summary>基本满意</summary>
    BasicallySatisfied = 2,

    /// <summary>不满意: reopens a resolved case.</summary>
    Dissatisfied = 3,
}
