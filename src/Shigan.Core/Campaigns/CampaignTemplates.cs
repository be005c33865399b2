namespace Shigan.Core.Campaigns;

/// <summary>The stages and sheet layout each template brings (the custom template's stages are given when it is set up).</summary>
public static class CampaignTemplates
{
    public const int MaxStages = 8;
    public const int StageNameMaxLength = 16;

    public static IReadOnlyList<string> Stages(CampaignTemplate template) => template switch
    {
        CampaignTemplate.DilapidatedHousing => ["告知", "签约", "交钥匙", "腾空"],
        CampaignTemplate.WaterCleanup => ["排查", "截污纳管", "清淤", "验收"],
        CampaignTemplate.ToiletRevolution => ["摸底", "开工", "完工", "验收"],
        _ => [],
    };

    public static string Name(CampaignTemplate template) => template switch
    {
        CampaignTemplate.DilapidatedHousing => "危旧房治理改造",
        CampaignTemplate.WaterCleanup => "治水剿劣",
        CampaignTemplate.ToiletRevolution => "厕所革命",
        _ => "自定义",
    };

    /// <summary>A campaign's layout: its template's, or the one a custom campaign chose.</summary>
    public static TargetLayout LayoutOf(CampaignTemplate template, TargetLayout chosen) => template == CampaignTemplate.Custom ? chosen : DefaultLayout(template);

    public static SheetLayout Layout(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Layout(LayoutOf(campaign.Template, campaign.Layout));
    }

    /// <summary>The layout a template brings.</summary>
    public static TargetLayout DefaultLayout(CampaignTemplate template) => template switch
    {
        CampaignTemplate.WaterCleanup => TargetLayout.Rivers,
        CampaignTemplate.ToiletRevolution => TargetLayout.Hamlets,
        _ => TargetLayout.Buildings,
    };

    public static SheetLayout Layout(TargetLayout layout) => layout switch
    {
        TargetLayout.Rivers => new([("河道", TargetLevel.River)], TargetLevel.Section, "河段", null),
        TargetLayout.Hamlets => new([("自然村", TargetLevel.Hamlet)], TargetLevel.Household, "户号", null),
        _ => new([("小区", TargetLevel.Compound), ("楼幢", TargetLevel.Building)], TargetLevel.Household, "房号", "单元"),
    };

    /// <summary>A layout's levels from the top, as the new-campaign form shows them: "小区 → 楼幢 → 户".</summary>
    public static string Levels(TargetLayout layout) => layout switch
    {
        TargetLayout.Rivers => "河道 → 河段",
        TargetLayout.Hamlets => "自然村 → 户",
        _ => "小区 → 楼幢 → 户",
    };

    /// <summary>A custom campaign's stages: 1 to <see cref="MaxStages"/> distinct, non-empty names.</summary>
    public static string? CheckStages(IReadOnlyList<string>? stages)
    {
        if (stages is null || stages.Count == 0)
        {
            return "请至少填写一个阶段";
        }

        if (stages.Count > MaxStages)
        {
            return $"最多 {MaxStages} 个阶段";
        }

        if (stages.Any(s => string.IsNullOrWhiteSpace(s) || s.Trim().Length > StageNameMaxLength || s.Any(char.IsControl)))
        {
            return "阶段名称不能为空，且不超过 16 个字";
        }

        return stages.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).Count() == stages.Count ? null : "阶段名称不能重复";
    }
}
