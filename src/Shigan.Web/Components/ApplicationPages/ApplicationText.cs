using Shigan.Core.Services;
using Shigan.Core.Services.Applications;

namespace Shigan.Web.Components.ApplicationPages;

/// <summary>Chinese names of the applications' enumerations; they are localizer keys like every interface text.</summary>
public static class ApplicationText
{
    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.InProgress => "办理中",
        ApplicationStatus.Done => "已办结",
        _ => status.ToString(),
    };

    public static string Part(PartStatus status) => status switch
    {
        PartStatus.Pending => "待受理",
        PartStatus.Accepted => "已受理",
        PartStatus.MaterialRequested => "待补材料",
        PartStatus.Completed => "已办结",
        PartStatus.Refused => "不予办理",
        _ => status.ToString(),
    };

    public static string Action(PartAction action) => action switch
    {
        PartAction.Accept => "受理",
        PartAction.RequestMaterial => "补正材料",
        PartAction.MaterialReceived => "材料已补齐",
        PartAction.Complete => "办结",
        PartAction.Refuse => "不予办理",
        _ => action.ToString(),
    };

    public static string Channel(ServiceChannels channel) => channel switch
    {
        ServiceChannels.TownshipWindow => "乡镇便民服务中心窗口",
        ServiceChannels.CountyHall => "县行政服务中心",
        ServiceChannels.BankWindow => "银行网点（政银合作）",
        _ => channel.ToString(),
    };

    public static string Purpose(TripPurpose purpose) => purpose switch
    {
        TripPurpose.Intake => "申请受理",
        TripPurpose.BringMaterial => "补交材料",
        TripPurpose.Collect => "领取结果",
        TripPurpose.Other => "其他",
        _ => purpose.ToString(),
    };

    public static string Kind(ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Taken => "受理",
        ApplicationEventKind.PartAction => "部门办理",
        ApplicationEventKind.Trip => "跑动",
        ApplicationEventKind.Done => "办结",
        _ => kind.ToString(),
    };

    public static string Form(MaterialForm form) => form == MaterialForm.Copy ? "复印件" : "原件";

    public static string StatusColor(ApplicationStatus status) => status == ApplicationStatus.Done ? "green" : "blue";

    public static string PartColor(PartStatus status) => status switch
    {
        PartStatus.Completed => "green",
        PartStatus.Refused => "red",
        PartStatus.MaterialRequested => "orange",
        _ => "blue",
    };

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Trips(double? trips) => trips is { } t ? t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
