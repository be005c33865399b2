using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Data.Demo;

/// <summary>
/// A realistic catalogue of problem categories across the four platforms. Time limits follow the 12345 rules
/// cited in the seed notes: emergencies the same day, enquiries and requests for help within 3 working days,
/// suggestions and complaints within 13 working days; the rest sit between, by how urgent the harm is.
/// </summary>
public static class CategorySeed
{
    private static readonly (string Code, string Name, Platform Platform, string Department, int Value, TimeLimitUnit Unit)[] Rows =
    [
        ("ZZ01", "矛盾纠纷", Platform.ComprehensiveGovernance, "综治办", 5, TimeLimitUnit.WorkingDays),
        ("ZZ02", "邻里纠纷", Platform.ComprehensiveGovernance, "司法所", 5, TimeLimitUnit.WorkingDays),
        ("ZZ03", "安全隐患", Platform.ComprehensiveGovernance, "综治办", 1, TimeLimitUnit.WorkingDays),
        ("ZZ04", "治安问题", Platform.ComprehensiveGovernance, "派出所", 0, TimeLimitUnit.SameDay),
        ("ZZ05", "消防隐患", Platform.ComprehensiveGovernance, "综治办", 8, TimeLimitUnit.WorkingHours),
        ("ZZ06", "信访诉求", Platform.ComprehensiveGovernance, "综治办", 13, TimeLimitUnit.WorkingDays),
        ("ZZ07", "涉稳隐患", Platform.ComprehensiveGovernance, "综治办", 0, TimeLimitUnit.SameDay),
        ("ZZ08", "特殊人群服务管理", Platform.ComprehensiveGovernance, "综治办", 5, TimeLimitUnit.WorkingDays),
        ("SC01", "食品安全", Platform.MarketSupervision, "市场监管所", 3, TimeLimitUnit.WorkingDays),
        ("SC02", "无证经营", Platform.MarketSupervision, "市场监管所", 5, TimeLimitUnit.WorkingDays),
        ("SC03", "价格违法", Platform.MarketSupervision, "市场监管所", 5, TimeLimitUnit.WorkingDays),
        ("SC04", "假冒伪劣", Platform.MarketSupervision, "市场监管所", 5, TimeLimitUnit.WorkingDays),
        ("SC05", "消费投诉", Platform.MarketSupervision, "市场监管所", 7, TimeLimitUnit.WorkingDays),
        ("SC06", "特种设备安全", Platform.MarketSupervision, "市场监管所", 3, TimeLimitUnit.WorkingDays),
        ("SC07", "药品安全", Platform.MarketSupervision, "市场监管所", 3, TimeLimitUnit.WorkingDays),
        ("ZF01", "违章搭建", Platform.LawEnforcement, "综合执法中队", 10, TimeLimitUnit.WorkingDays),
        ("ZF02", "占道经营", Platform.LawEnforcement, "综合执法中队", 2, TimeLimitUnit.WorkingDays),
        ("ZF03", "环境卫生", Platform.LawEnforcement, "综合执法中队", 2, TimeLimitUnit.WorkingDays),
        ("ZF04", "河道污染", Platform.LawEnforcement, "综合执法中队", 3, TimeLimitUnit.WorkingDays),
        ("ZF05", "乱倒垃圾", Platform.LawEnforcement, "综合执法中队", 2, TimeLimitUnit.WorkingDays),
        ("ZF06", "噪声扰民", Platform.LawEnforcement, "综合执法中队", 8, TimeLimitUnit.WorkingHours),
        ("ZF07", "非法采砂", Platform.LawEnforcement, "综合执法中队", 3, TimeLimitUnit.WorkingDays),
        ("ZF08", "户外广告", Platform.LawEnforcement, "综合执法中队", 5, TimeLimitUnit.WorkingDays),
        ("BM01", "证照咨询", Platform.ConvenienceServices, "便民服务中心", 3, TimeLimitUnit.WorkingDays),
        ("BM02", "医保社保", Platform.ConvenienceServices, "便民服务中心", 3, TimeLimitUnit.WorkingDays),
        ("BM03", "户籍办理", Platform.ConvenienceServices, "便民服务中心", 3, TimeLimitUnit.WorkingDays),
        ("BM04", "民政救助", Platform.ConvenienceServices, "便民服务中心", 5, TimeLimitUnit.WorkingDays),
        ("BM05", "残疾人服务", Platform.ConvenienceServices, "便民服务中心", 5, TimeLimitUnit.WorkingDays),
        ("BM06", "就业创业", Platform.ConvenienceServices, "便民服务中心", 5, TimeLimitUnit.WorkingDays),
        ("BM07", "建议意见", Platform.ConvenienceServices, "便民服务中心", 13, TimeLimitUnit.WorkingDays),
        ("BM08", "水电气报修", Platform.ConvenienceServices, "便民服务中心", 1, TimeLimitUnit.WorkingDays),
    ];

    // What the officers who take these reports ask first (Open311 attributes).
    private static readonly Dictionary<string, List<CategoryQuestion>> Questions = new()
    {
        ["ZF01"] =
        [
            new("area", "搭建面积（平方米）", QuestionType.Number, false),
            new("stage", "建设进度", QuestionType.SingleValueList, true, [new("building", "正在施工"), new("done", "已建成")]),
        ],
        ["ZF02"] = [new("still", "现在是否仍在经营", QuestionType.SingleValueList, true, [new("yes", "是"), new("no", "否")])],
        ["ZF04"] =
        [
            new("kind", "污染情况", QuestionType.MultiValueList, true,
                [new("floating", "水面漂浮物"), new("sewage", "污水直排"), new("smell", "异味"), new("dead-fish", "死鱼")]),
        ],
        ["SC01"] = [new("shop", "商户名称", QuestionType.Line, false), new("when", "就餐或购买时间", QuestionType.DateTime, false)],
        ["ZZ03"] = [new("people", "是否危及人身安全", QuestionType.SingleValueList, true, [new("yes", "是"), new("no", "否")])],
    };

    public static IEnumerable<CaseCategory> Categories() => Rows.Select(r => new CaseCategory
    {
        Code = r.Code,
        Name = r.Name,
        Platform = r.Platform,
        DefaultDepartmentName = r.Department,
        TimeLimitValue = r.Value,
        TimeLimitUnit = r.Unit,
        Questions = Questions.GetValueOrDefault(r.Code) ?? [],
    });

    /// <summary>Seeds the catalogue when it is empty; false when it was not.</summary>
    public static async Task<bool> RunAsync(ShiganDb db, CancellationToken ct = default)
    {
        if (await db.CaseCategories.AnyAsync(ct))
        {
            return false;
        }

        db.CaseCategories.AddRange(Categories());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
