namespace Shigan.Core.Services.Applications;

/// <summary>What a department does with its part.</summary>
public enum PartAction
{
    /// <summary>受理</summary>
    Accept = 1,

    /// <summary>补正材料: asks for a missing material (the citizen must come back, or it comes another way).</summary>
    RequestMaterial = 2,

    /// <summary>材料已补齐: the material asked for arrived; work goes on.</summary>
    MaterialReceived = 3,

    /// <summary>办结</summary>
    Complete = 4,

    /// <summary>不予办理</summary>
    Refuse = 5,
}
