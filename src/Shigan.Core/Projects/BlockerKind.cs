namespace Shigan.Core.Projects;

/// <summary>What holds a project up (堵点).</summary>
public enum BlockerKind
{
    /// <summary>土地征收</summary>
    LandAcquisition = 1,

    /// <summary>坟墓迁移</summary>
    GraveRelocation = 2,

    /// <summary>资金</summary>
    Funding = 3,

    /// <summary>审批</summary>
    Approval = 4,

    /// <summary>其他</summary>
    Other = 9,
}
