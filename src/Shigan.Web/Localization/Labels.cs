using Shigan.Core.Org;

namespace Shigan.Web.Localization;

/// <summary>Chinese names of the domain's enumerations; they are localizer keys like every interface text.</summary>
public static class Labels
{
    public static string Role(Role role) => role switch
    {
        Core.Org.Role.CountyAdmin => "县管理员",
        Core.Org.Role.TownshipStaff => "乡镇干部",
        Core.Org.Role.WindowClerk => "窗口人员",
        Core.Org.Role.PlatformOfficer => "平台工作人员",
        Core.Org.Role.VillageCadre => "村干部",
        Core.Org.Role.GridWorker => "网格员",
        Core.Org.Role.Judge => "评委",
        _ => role.ToString(),
    };

    public static string Level(RegionLevel level) => level switch
    {
        RegionLevel.County => "县",
        RegionLevel.Township => "乡镇（街道）",
        RegionLevel.Village => "村（社区）",
        RegionLevel.Grid => "网格",
        _ => level.ToString(),
    };

    public static string Platform(Platform? platform) => platform switch
    {
        Core.Org.Platform.ComprehensiveGovernance => "综治工作",
        Core.Org.Platform.MarketSupervision => "市场监管",
        Core.Org.Platform.LawEnforcement => "综合执法",
        Core.Org.Platform.ConvenienceServices => "便民服务",
        _ => "—",
    };

    public static string Kind(DepartmentKind kind) => kind switch
    {
        DepartmentKind.TownshipPlatform => "乡镇平台部门",
        DepartmentKind.CountyBureau => "县级部门",
        DepartmentKind.ServicePartner => "合作单位",
        _ => kind.ToString(),
    };
}
