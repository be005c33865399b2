namespace Shigan.Core.Services.Applications;

/// <summary>Why the citizen came in person.</summary>
public enum TripPurpose
{
    /// <summary>申请受理: the first visit, when the window took the application.</summary>
    Intake = 1,

    /// <summary>补交材料: brought a material a department asked for.</summary>
    BringMaterial = 2,

    /// <summary>领取结果: came to collect a result that was not sent.</summary>
    Collect = 3,

    /// <summary>其他</summary>
    Other = 4,
}
