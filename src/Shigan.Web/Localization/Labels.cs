using Shigan.Core.Cases;
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

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Reported => "已上报",
        CaseStatus.Accepted => "已受理",
        CaseStatus.Rejected => "不予受理",
        CaseStatus.Assigned => "已交办",
        CaseStatus.InProgress => "办理中",
        CaseStatus.Resolved => "已办结",
        CaseStatus.Closed => "已关闭",
        CaseStatus.Returned => "已退回",
        CaseStatus.Merged => "已合并",
        CaseStatus.Split => "拆分办理中",
        _ => status.ToString(),
    };

    public static string Action(CaseAction action) => action switch
    {
        CaseAction.Accept => "受理",
        CaseAction.Reject => "不予受理",
        CaseAction.Assign => "交办",
        CaseAction.Reroute => "改派",
        CaseAction.Start => "签收",
        CaseAction.Resolve => "办结",
        CaseAction.Rate => "评价",
        CaseAction.Close => "结案",
        CaseAction.Reopen => "核查不通过",
        CaseAction.Return => "退回",
        CaseAction.Merge => "合并",
        CaseAction.Split => "拆分",
        CaseAction.ChildrenDone => "子事件均已办结",
        _ => action.ToString(),
    };

    public static string Unit(TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.WorkingHours => "工作时",
        TimeLimitUnit.WorkingDays => "工作日",
        TimeLimitUnit.CalendarDays => "自然日",
        TimeLimitUnit.SameDay => "当天",
        _ => unit.ToString(),
    };

    public static string Rating(CaseRating rating) => rating switch
    {
        CaseRating.Satisfied => "满意",
        CaseRating.BasicallySatisfied => "基本满意",
        CaseRating.Dissatisfied => "不满意",
        _ => rating.ToString(),
    };

    public static string Supervision(SupervisionLevel level) => level switch
    {
        SupervisionLevel.None => "未督办",
        SupervisionLevel.TownshipLeader => "督办",
        SupervisionLevel.County => "督办（已报县通报）",
        _ => level.ToString(),
    };

    public static string Source(CaseSource source) => source switch
    {
        CaseSource.Window => "综合受理窗口",
        CaseSource.GridWorker => "网格员巡查",
        CaseSource.Hotline => "12345 热线",
        CaseSource.Web => "群众网上上报",
        CaseSource.Open311 => "Open311",
        _ => source.ToString(),
    };

    public static string RouteBasis(RouteBasis basis) => basis switch
    {
        Core.Cases.RouteBasis.Rule => "按分拨规则自动分拨",
        Core.Cases.RouteBasis.CategoryDefault => "按事件类别自动分拨",
        Core.Cases.RouteBasis.Unrouted => "待人工分拨",
        _ => basis.ToString(),
    };
}
