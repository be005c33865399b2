namespace Shigan.Core.Projects;

public enum BlockerStatus
{
    Open = 1,
    Resolved = 2,
}
