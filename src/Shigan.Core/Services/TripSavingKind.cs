namespace Shigan.Core.Services;

/// <summary>What removed a visit, or a paper, compared with each department on its own.</summary>
public enum TripSavingKind
{
    /// <summary>A one-stop window took the item: no visit to its department.</summary>
    WindowIntake = 1,

    /// <summary>The item is done online.</summary>
    Online = 2,

    /// <summary>The window sends the result (寄递 or 电子送达): no visit to collect it.</summary>
    ResultDelivered = 3,

    /// <summary>A paper one department issues reaches the next by data sharing: no visit to collect or fetch it.</summary>
    SharedNoFetch = 4,

    /// <summary>A paper the citizen had in hand reaches the department by data sharing: nothing to carry (no visit saved).</summary>
    SharedNoCarry = 5,
}
