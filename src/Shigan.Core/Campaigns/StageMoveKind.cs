namespace Shigan.Core.Campaigns;

public enum StageMoveKind
{
    /// <summary>A step forward, on the page, the API or with a visit.</summary>
    Forward = 1,

    /// <summary>A step back, by a campaign manager, with a reason.</summary>
    Reversal = 2,

    /// <summary>Forward, from an imported sheet.</summary>
    Import = 3,
}
