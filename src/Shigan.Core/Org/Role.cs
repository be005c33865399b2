namespace Shigan.Core.Org;

public enum Role
{
    /// <summary>县管理员: the county's administrator.</summary>
    CountyAdmin = 1,

    /// <summary>乡镇干部: township staff, who also run their township's accounts and departments.</summary>
    TownshipStaff = 2,

    /// <summary>窗口人员: a clerk at a comprehensive acceptance window (township, county hall or partner).</summary>
    WindowClerk = 3,

    /// <summary>平台工作人员: an officer of one of the four platforms.</summary>
    PlatformOfficer = 4,

    /// <summary>村干部</summary>
    VillageCadre = 5,

    /// <summary>网格员</summary>
    GridWorker = 6,

    /// <summary>评委: a judge of on-site reviews.</summary>
    Judge = 7,
}
