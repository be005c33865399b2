namespace Shigan.Core.Services;

/// <summary>Where a service item can be applied for besides its department's own office (办理渠道). A set, stored as one number.</summary>
[Flags]
public enum ServiceChannels
{
    None = 0,

    /// <summary>乡镇便民服务中心综合受理窗口: the township's comprehensive window.</summary>
    TownshipWindow = 1,

    /// <summary>县行政服务中心: the county administrative service hall.</summary>
    CountyHall = 2,

    /// <summary>合作银行网点: a partner bank branch (政银合作).</summary>
    BankWindow = 4,

    /// <summary>网上办理 (浙里办): online, nothing to carry once the materials are shared.</summary>
    Online = 8,
}
