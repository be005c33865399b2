namespace Shigan.Core.Services.Applications;

/// <summary>Where one department's part of an application (子办件) stands.</summary>
public enum PartStatus
{
    /// <summary>待受理: sent from the window, not yet taken up by the department.</summary>
    Pending = 1,

    /// <summary>已受理: the department is working on it.</summary>
    Accepted = 2,

    /// <summary>待补材料: the department waits for a material it asked for.</summary>
    MaterialRequested = 3,

    /// <summary>已办结</summary>
    Completed = 4,

    /// <summary>不予办理: refused, with a reason.</summary>
    Refused = 5,
}
