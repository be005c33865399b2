using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>A milestone (节点) of a project: planned for a day inside the project's span, done on a day or not yet.</summary>
public sealed class ProjectMilestone : IInRegion
{
    public const int NameMaxLength = 64;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    /// <summary>Its place in the project's list (1, 2, …): the order the work is planned in.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    public DateOnly PlannedDate { get; set; }

    /// <summary>The day it was done; null while it is not.</summary>
    public DateOnly? DoneDate { get; set; }

    public required string RegionPath { get; set; }
}
