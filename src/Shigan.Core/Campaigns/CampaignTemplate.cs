namespace Shigan.Core.Campaigns;

/// <summary>The kinds of campaign the county runs (攻坚行动); each brings its stages and target levels.</summary>
public enum CampaignTemplate
{
    /// <summary>危旧房治理改造: dilapidated housing, compound → building → household.</summary>
    DilapidatedHousing = 1,

    /// <summary>治水剿劣: water clean-up, river → section.</summary>
    WaterCleanup = 2,

    /// <summary>厕所革命: toilets, hamlet → household.</summary>
    ToiletRevolution = 3,

    /// <summary>自定义: the stages are given when it is set up; targets as for housing.</summary>
    Custom = 4,
}
