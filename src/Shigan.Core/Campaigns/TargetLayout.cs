namespace Shigan.Core.Campaigns;

/// <summary>
/// How a campaign's targets are grouped, as its sheets are kept today: the levels and the sheet's columns. A template
/// brings its own; a custom campaign chooses one when it is set up.
/// </summary>
public enum TargetLayout
{
    /// <summary>小区 → 楼幢 → 户 (单元, 房号): households in buildings.</summary>
    Buildings = 0,

    /// <summary>自然村 → 户: households in hamlets.</summary>
    Hamlets = 1,

    /// <summary>河道 → 河段: sections of rivers.</summary>
    Rivers = 2,
}
