namespace Shigan.Core.Projects;

public enum ProjectEventKind
{
    Created = 1,
    Edited = 2,

    /// <summary>Progress, spending or jobs reported.</summary>
    Reported = 3,
    MilestoneAdded = 4,
    MilestoneDone = 5,
    BlockerAdded = 6,
    BlockerResolved = 7,
    PhotosAdded = 8,

    /// <summary>A milestone marked done by mistake set back to not done.</summary>
    MilestoneReopened = 9,
}
