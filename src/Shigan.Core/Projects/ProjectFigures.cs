namespace Shigan.Core.Projects;

/// <summary>What a project says of itself in figures and dates, checked together by <see cref="ProjectRules.Check"/>.</summary>
public sealed record ProjectFigures(decimal Budget, decimal Spent, DateOnly Start, DateOnly PlannedEnd, int Progress, int JobsCreated);
