using Shigan.Core.Campaigns;

namespace Shigan.Core.Tests.Campaigns;

/// <summary>Stages go forward, skipping allowed; back only by a manager with a reason; groups never move themselves.</summary>
public sealed class StageRuleTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(0, 4)] // notified and signed on one visit: skipping forward is fine
    public void Anyone_may_move_a_household_forward(int from, int to) =>
        Assert.Equal(StageRefusal.None, StageRules.Check(from, to, 4, isLeaf: true, mayReverse: false, reason: null));

    [Fact]
    public void A_worker_may_not_move_a_household_back() =>
        Assert.Equal(StageRefusal.BackwardNotAllowed, StageRules.Check(3, 1, 4, isLeaf: true, mayReverse: false, reason: "录错了"));

    [Fact]
    public void A_manager_moves_a_household_back_only_with_a_reason()
    {
        Assert.Equal(StageRefusal.ReasonRequired, StageRules.Check(3, 1, 4, isLeaf: true, mayReverse: true, reason: " "));
        Assert.Equal(StageRefusal.None, StageRules.Check(3, 1, 4, isLeaf: true, mayReverse: true, reason: "交钥匙录错了户"));
        Assert.Equal(StageMoveKind.Reversal, StageRules.KindOf(3, 1));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_stage_the_campaign_does_not_have_is_refused(int to) =>
        Assert.Equal(StageRefusal.UnknownStage, StageRules.Check(1, to, 4, isLeaf: true, mayReverse: true, reason: "x"));

    [Fact]
    public void Moving_to_the_current_stage_is_no_move() =>
        Assert.Equal(StageRefusal.NoChange, StageRules.Check(2, 2, 4, isLeaf: true, mayReverse: true, reason: null));

    [Fact]
    public void A_move_dated_before_the_last_move_is_refused_and_one_after_it_or_at_it_is_not()
    {
        var last = new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(StageRefusal.BeforeLastMove, StageRules.CheckTime(last.AddMinutes(-1), last));
        Assert.Equal(StageRefusal.None, StageRules.CheckTime(last, last));
        Assert.Equal(StageRefusal.None, StageRules.CheckTime(last.AddDays(1), last));
        Assert.Equal(StageRefusal.None, StageRules.CheckTime(last.AddDays(-30), null));
    }

    [Fact]
    public void A_building_does_not_move_its_progress_is_its_households() =>
        Assert.Equal(StageRefusal.NotALeaf, StageRules.Check(0, 1, 4, isLeaf: false, mayReverse: true, reason: null));

    [Theory]
    [InlineData("签约", 2)]
    [InlineData(" 腾空 ", 4)]
    [InlineData("", 0)]
    [InlineData("未开始", 0)]
    [InlineData("拆除", null)]
    public void A_stage_named_in_a_sheet_is_found_by_its_name(string name, int? expected) =>
        Assert.Equal(expected, StageRules.Parse(CampaignTemplates.Stages(CampaignTemplate.DilapidatedHousing), name));

    [Fact]
    public void The_housing_template_has_the_reports_four_stages() =>
        Assert.Equal(["告知", "签约", "交钥匙", "腾空"], CampaignTemplates.Stages(CampaignTemplate.DilapidatedHousing));

    [Theory]
    [InlineData(new string[0], "请至少填写一个阶段")]
    [InlineData(new[] { "摸底", "摸底" }, "阶段名称不能重复")]
    [InlineData(new[] { "摸底", " " }, "阶段名称不能为空，且不超过 16 个字")]
    public void A_custom_campaigns_stages_must_be_named_and_distinct(string[] stages, string message) =>
        Assert.Equal(message, CampaignTemplates.CheckStages(stages));
}
