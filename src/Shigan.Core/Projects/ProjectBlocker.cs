using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>
/// A blocker (堵点) of a project: land not yet acquired, graves not yet moved, money or a permit missing. It has an
/// owner (an account, so it shows on their list) and a due date; it stays open until resolved with a resolution.
/// </summary>
public sealed class ProjectBlocker : IInRegion
{
    public const int TextMaxLength = 500;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    public BlockerKind Kind { get; set; }

    public required string OwnerId { get; set; }

    public required string OwnerName { get; set; }

    public DateOnly DueDate { get; set; }

    public BlockerStatus Status { get; set; }

    public required string Note { get; set; }

    public string? Resolution { get; set; }

    public DateOnly? ResolvedDate { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string RegionPath { get; set; }

    public int Version { get; set; }
}
