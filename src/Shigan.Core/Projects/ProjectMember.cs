using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>A member of a project's team (分兵点将组团): an account of the project's unit or above.</summary>
public sealed class ProjectMember : IInRegion
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string RegionPath { get; set; }
}
