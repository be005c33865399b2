namespace Shigan.Core.Services.Applications;

/// <summary>What an entry of an application's history records.</summary>
public enum ApplicationEventKind
{
    /// <summary>受理: taken at the window, split into parts.</summary>
    Taken = 1,

    /// <summary>A department acted on its part (see <see cref="PartAction"/>).</summary>
    PartAction = 2,

    /// <summary>A trip of the citizen was recorded.</summary>
    Trip = 3,

    /// <summary>The system closed the application when its last part was done.</summary>
    Done = 4,
}
