namespace Shigan.Core.Projects;

public enum ProjectStatus
{
    /// <summary>谋划中: not started.</summary>
    Planned = 1,

    /// <summary>在建: under way.</summary>
    UnderWay = 2,

    /// <summary>已完工</summary>
    Done = 3,

    /// <summary>暂停: stopped for now; it is not held to its plan meanwhile.</summary>
    Suspended = 4,
}
