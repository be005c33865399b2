namespace Shigan.Web.Campaigns;

/// <summary>The columns of a campaign sheet beside the template's own (小区, 楼幢, 单元, 房号 …), as sheets are kept today.</summary>
public static class SheetColumns
{
    public const string Unit = "乡镇";
    public const string Owner = "户主";
    public const string Phone = "联系电话";
    public const string People = "人数";
    public const string Area = "面积";
    public const string Stage = "阶段";
    public const string StageDate = "阶段日期";
    public const string Team = "工作组";

    /// <summary>At most this many problems are listed: a sheet with a wrong column would otherwise list every row.</summary>
    public const int MaxErrors = 200;
}
