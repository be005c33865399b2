namespace Shigan.Core.Projects;

/// <summary>Why a project's figures or dates are refused; the web layer words each one.</summary>
public enum ProjectRefusal
{
    BudgetNegative = 1,
    BudgetTooLarge,
    SpentNegative,

    /// <summary>More than ten times the budget: a slip of the unit (元 for 万元), not a real overrun.</summary>
    SpentBeyondBudget,
    EndBeforeStart,
    SpanTooLong,
    DateOutOfRange,
    ProgressOutOfRange,
    JobsOutOfRange,

    /// <summary>A milestone planned before the project starts or after it should end.</summary>
    MilestoneOutsideProject,
}
