using Shigan.Core.Campaigns;

namespace Shigan.Web.Components.CampaignPages;

/// <summary>The Chinese labels of campaign enums (keys of the English resource).</summary>
public static class CampaignText
{
    public static string Template(CampaignTemplate template) => template switch
    {
        CampaignTemplate.DilapidatedHousing => "危旧房治理改造",
        CampaignTemplate.WaterCleanup => "治水剿劣",
        CampaignTemplate.ToiletRevolution => "厕所革命",
        _ => "自定义",
    };

    /// <summary>The heading of the table per group above a target, in the campaign's own level (its sheet's column).</summary>
    public static string Groups(TargetLayout layout) => CampaignTemplates.Layout(layout).Groups[^1].Level switch
    {
        TargetLevel.Hamlet => "各自然村",
        TargetLevel.River => "各河道",
        _ => "各楼幢",
    };

    /// <summary>What the targets' search looks in (their key: the groups' names and their own; the owner), in the campaign's words.</summary>
    public static string SearchHint(TargetLayout layout) => CampaignTemplates.Layout(layout).Groups[^1].Level switch
    {
        TargetLevel.Hamlet => "搜索自然村、户号或户主",
        TargetLevel.River => "搜索河道、河段或负责人",
        _ => "搜索小区、楼幢、房号或户主",
    };

    public static string Place(VisitPlace place) => place switch
    {
        VisitPlace.Home => "入户",
        VisitPlace.Shop => "店铺/摊位",
        _ => "电话",
    };

    public static string Move(StageMoveKind kind) => kind switch
    {
        StageMoveKind.Forward => "推进",
        StageMoveKind.Reversal => "回退",
        _ => "导入",
    };

    public static string Forecast(ForecastStatus status) => status switch
    {
        ForecastStatus.Done => "已完成",
        ForecastStatus.OnTrack => "可按期完成",
        ForecastStatus.Late => "预计逾期",
        ForecastStatus.Stalled => "近期无进展",
        _ => "暂无对象",
    };
}
