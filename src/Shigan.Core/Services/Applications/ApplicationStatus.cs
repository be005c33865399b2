namespace Shigan.Core.Services.Applications;

/// <summary>Where an application (办件) stands as a whole: open until every part is completed or refused.</summary>
public enum ApplicationStatus
{
    /// <summary>办理中: at least one department still has its part.</summary>
    InProgress = 1,

    /// <summary>已办结: every part is completed or refused.</summary>
    Done = 2,
}
