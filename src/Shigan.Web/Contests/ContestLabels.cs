using Microsoft.Extensions.Localization;
using Shigan.Core.Contests;
using Shigan.Web.Components.Common;

namespace Shigan.Web.Contests;

/// <summary>Chinese names of the contests' enumerations (localizer keys), and select options built from them.</summary>
public static class ContestLabels
{
    public static string Period(PeriodKind kind) => kind == PeriodKind.Week ? "每周" : "每月";

    public static string Dimension(Dimension dimension, string? custom = null) => dimension switch
    {
        Core.Contests.Dimension.Planning => "比谋划",
        Core.Contests.Dimension.Methods => "比办法",
        Core.Contests.Dimension.Drive => "比干劲",
        Core.Contests.Dimension.Results => "比业绩",
        Core.Contests.Dimension.Image => "比形象",
        _ => custom ?? "自定义",
    };

    public static string Direction(Direction direction) => direction == Core.Contests.Direction.HigherIsBetter ? "越高越好" : "越低越好";

    public static string Normalisation(Normalisation normalisation) => normalisation switch
    {
        Core.Contests.Normalisation.MinMax => "最小–最大",
        Core.Contests.Normalisation.Target => "对标目标",
        _ => "按名次",
    };

    public static string Source(SourceKind source) => source == SourceKind.Computed ? "系统计算" : "评委打分";

    public static string Missing(MissingRule rule) => rule switch
    {
        MissingRule.ZeroPoints => "无数据记 0 分",
        MissingRule.MeanOfOthers => "无数据按平均分",
        _ => "无数据按最低分",
    };

    public static string Status(SheetStatus status) => status switch
    {
        SheetStatus.Computed => "待发布",
        SheetStatus.Published => "已发布",
        SheetStatus.Frozen => "已冻结",
        SheetStatus.Superseded => "已更正",
        _ => "已作废",
    };

    public static List<Choice> Options<TEnum>(IStringLocalizer t, Func<TEnum, string> label)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new Choice(v.ToString(), t[label(v)]))];
}
