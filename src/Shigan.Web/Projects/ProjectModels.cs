using Shigan.Core.Projects;

namespace Shigan.Web.Projects;

/// <summary>A project as set up or edited. The unit is fixed at creation; milestones only at creation (later: one by one).</summary>
public sealed record ProjectInput(
    string? Name,
    ProjectType? Type,
    int? RegionId,
    string? LeadName,
    string? LeadTitle,
    string? LeadUserName,
    decimal? Budget,
    decimal? Spent,
    DateOnly? StartDate,
    DateOnly? PlannedEndDate,
    int? Progress,
    int? JobsCreated,
    ProjectStatus? Status,
    List<string>? Team,
    List<MilestoneInput>? Milestones,
    int? Version);

/// <summary>A progress report: where the project stands, what it has spent, how many people it employs.</summary>
public sealed record ReportInput(int? Progress, decimal? Spent, int? JobsCreated, string? Note, int? Version);

public sealed record MilestoneInput(string? Name, DateOnly? PlannedDate);

/// <summary>A milestone done: on the day given, or today.</summary>
public sealed record MilestoneDoneInput(DateOnly? DoneDate);

/// <summary>A blocker: its kind, the account that owns it (by user name), when it must be cleared and what it is.</summary>
public sealed record BlockerInput(BlockerKind? Kind, string? OwnerUserName, DateOnly? DueDate, string? Note);

public sealed record ResolveInput(string? Resolution, int? Version);

/// <summary>The board's filters: a unit (and all below it), a type, a status.</summary>
public sealed record ProjectFilter(int? RegionId = null, ProjectType? Type = null, ProjectStatus? Status = null);

/// <summary>A project as the board shows it: progress against the plan of the day, overdue milestones, open blockers.</summary>
public sealed record ProjectRow(
    int Id,
    string Name,
    ProjectType Type,
    int UnitId,
    string Unit,
    string Township,
    string LeadName,
    string? LeadTitle,
    decimal Budget,
    decimal Spent,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    int Progress,
    double PlannedProgress,
    double Gap,
    int JobsCreated,
    ProjectStatus Status,
    int Milestones,
    int MilestonesDone,
    int OverdueMilestones,
    string? NextMilestone,
    DateOnly? NextMilestoneDate,
    int OpenBlockers,
    int OverdueBlockers,
    int Version)
{
    /// <summary>Points below the plan of the day at which a project counts as behind (the board tags it, the dashboard counts it).</summary>
    public const int BehindPoints = 10;

    /// <summary>Held to its plan (not done, not suspended) and more than <see cref="BehindPoints"/> below it.</summary>
    public bool BehindPlan => Status is ProjectStatus.UnderWay or ProjectStatus.Planned && Gap < -BehindPoints;
}

public sealed record ProjectBoard(
    DateOnly Today, IReadOnlyList<ProjectRow> Items, int Total, decimal Budget, decimal Spent, int JobsCreated, int OverdueMilestones, int OpenBlockers);

public sealed record MilestoneItem(int Id, int Position, string Name, DateOnly PlannedDate, DateOnly? DoneDate, bool Overdue, bool OnTime);

public sealed record BlockerItem(
    int Id, int ProjectId, string Project, string Unit, BlockerKind Kind, string OwnerName, DateOnly DueDate, BlockerStatus Status, bool Overdue,
    string Note, string? Resolution, DateOnly? ResolvedDate, int Version);

public sealed record MemberItem(string UserId, string Name);

public sealed record ProjectEventItem(long Id, DateTime AtUtc, ProjectEventKind Kind, int? Progress, decimal? Spent, string? Detail, string ActorName);

public sealed record ProjectDetail(
    ProjectRow Project, IReadOnlyList<MemberItem> Team, IReadOnlyList<MilestoneItem> Milestones, IReadOnlyList<BlockerItem> Blockers, IReadOnlyList<ProjectEventItem> History);

public sealed record BlockerList(DateOnly Today, IReadOnlyList<BlockerItem> Items, int Total, int Overdue);

/// <summary>A photo of a project as the page and the API list it: who added it and when, never its bytes.</summary>
public sealed record PhotoItem(long Id, string FileName, string ContentType, int Length, string Sha256, string AddedByName, DateTime AddedAtUtc);
