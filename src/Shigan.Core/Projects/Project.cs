using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>
/// A construction or development project (项目) of a village or township: who leads it, what it costs, when it should
/// be done and how far it has come. Its milestones, blockers, team and history carry its unit's path, so another
/// township neither sees nor changes any of it.
/// </summary>
public sealed class Project : IInRegion
{
    public const int NameMaxLength = 64;
    public const int LeadMaxLength = 32;

    public int Id { get; set; }

    public required string Name { get; set; }

    public ProjectType Type { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    /// <summary>领衔领导: a named person, with an account when they have one.</summary>
    public required string LeadName { get; set; }

    public string? LeadTitle { get; set; }

    public string? LeadUserId { get; set; }

    /// <summary>Budget and spending in 万元 (ten thousand yuan), as the county's ledgers keep them.</summary>
    public decimal Budget { get; set; }

    public decimal Spent { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly PlannedEndDate { get; set; }

    /// <summary>Progress as reported by the project, 0–100 %.</summary>
    public int Progress { get; set; }

    public int JobsCreated { get; set; }

    public ProjectStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<ProjectMilestone> Milestones { get; set; } = [];

    public List<ProjectBlocker> Blockers { get; set; } = [];

    public List<ProjectMember> Members { get; set; } = [];

    public int Version { get; set; }
}
