using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>
/// One step of a project's history: who did what and when. Progress is kept with each report so a contest can read
/// where the project stood at the end of any past period. Never edited.
/// </summary>
public sealed class ProjectEvent : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public const int DetailMaxLength = 600;

    public long Id { get; set; }

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    public DateTime AtUtc { get; set; }

    public ProjectEventKind Kind { get; set; }

    /// <summary>The project's progress after this step, when the step set it.</summary>
    public int? Progress { get; set; }

    public decimal? Spent { get; set; }

    /// <summary>What the step was about: a milestone's or blocker's text, a note with a report.</summary>
    public string? Detail { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string RegionPath { get; set; }
}
