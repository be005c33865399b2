namespace Shigan.Core.Cases;

/// <summary>How far up the tree a late case has been escalated (督办). It only ever goes up.</summary>
public enum SupervisionLevel
{
    None = 0,

    /// <summary>催办 / 督办: the township leader is told, from the working day after the deadline.</summary>
    TownshipLeader = 1,

    /// <summary>通报: the county is told, five more working days later.</summary>
    County = 2,
}
