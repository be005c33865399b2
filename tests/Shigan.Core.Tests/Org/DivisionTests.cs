using Shigan.Core.Org;
using static Shigan.Core.Tests.Org.ZhejiangDivisions;

namespace Shigan.Core.Tests.Org;

/// <summary>Reading the statistical division table and building a county's tree from it.</summary>
public sealed class DivisionTests
{
    private static List<Region> ChangshanDivisions() => Division.BuildTree(Rows, ChangshanCode);

    [Fact]
    public void Changshan_has_one_county_fourteen_townships_and_198_villages_with_twelve_digit_codes()
    {
        var tree = ChangshanDivisions();

        Assert.Single(tree, r => r.Level == RegionLevel.County);
        Assert.Equal(14, tree.Count(r => r.Level == RegionLevel.Township));
        Assert.Equal(198, tree.Count(r => r.Level == RegionLevel.Village));
        Assert.Equal(213, tree.Count);
        Assert.All(tree, r => Assert.Matches("^330822[0-9]{6}$", r.Code));
    }

    [Fact]
    public void The_county_is_the_root_and_every_path_lists_the_codes_from_it_down()
    {
        var tree = ChangshanDivisions();
        var county = tree[0];

        Assert.Equal(("330822000000", "常山县", null), (county.Code, county.Name, county.Parent));
        Assert.Equal("330822000000/", county.RegionPath);
        Assert.All(tree.Skip(1), r => Assert.Equal(r.Parent!.RegionPath + r.Code + "/", r.RegionPath));
        Assert.All(tree, r => Assert.Equal((int)r.Level, RegionPaths.Depth(r.RegionPath)));
    }

    [Fact]
    public void Parents_come_before_their_children_so_the_tree_can_be_saved_in_order()
    {
        var tree = ChangshanDivisions();
        var seen = new HashSet<Region>();
        foreach (var unit in tree)
        {
            Assert.True(unit.Parent is null || seen.Contains(unit.Parent), unit.Code);
            seen.Add(unit);
        }
    }

    [Theory]
    [InlineData("330822219227", "达塘村委会", "新昌乡")]
    [InlineData("330822213214", "濛桥村委会", "大桥头乡")]
    [InlineData("330822213204", "客弄村委会", "大桥头乡")]
    [InlineData("330822002212", "渣濑湾村委会", "紫港街道")]
    [InlineData("330822001002", "金川社区", "天马街道")]
    [InlineData("330822001003", "定阳社区", "天马街道")]
    public void The_places_named_in_the_report_are_in_the_tree_under_their_townships(string code, string name, string township)
    {
        var village = ChangshanDivisions().Single(r => r.Code == code);

        Assert.Equal(name, village.Name);
        Assert.Equal(RegionLevel.Village, village.Level);
        Assert.Equal(township, village.Parent!.Name);
        Assert.Equal(RegionLevel.Township, village.Parent.Level);
        Assert.Contains(village, village.Parent.Children);
    }

    [Fact]
    public void Daqiaotou_township_has_eight_villages_among_them_Mengqiao_and_Kenong()
    {
        var daqiaotou = ChangshanDivisions().Single(r => r.Name == "大桥头乡");

        Assert.Equal(8, daqiaotou.Children.Count);
        Assert.Contains(daqiaotou.Children, v => v.Name == "濛桥村委会");
        Assert.Contains(daqiaotou.Children, v => v.Name == "客弄村委会");
    }

    [Fact]
    public void Every_one_of_Zhejiangs_90_counties_builds_and_together_they_hold_all_its_townships_and_villages()
    {
        var counties = Rows.Where(r => r.Level == "county").ToList();
        var trees = counties.Select(c => Division.BuildTree(Rows, c.Code)).ToList();

        Assert.Equal(90, trees.Count);
        Assert.All(trees, t => Assert.Single(t, r => r.Level == RegionLevel.County));
        Assert.Equal(1387, trees.Sum(t => t.Count(r => r.Level == RegionLevel.Township)));
        Assert.Equal(25547, trees.Sum(t => t.Count(r => r.Level == RegionLevel.Village)));

        // No unit is claimed by two counties: codes are unique across the province.
        var codes = trees.SelectMany(t => t).Select(r => r.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_code_that_is_not_in_the_table_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Division.BuildTree(Rows, "339999"));
        Assert.Contains("339999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("330822001", "330822001000")]
    [InlineData("330822", "330822000000")]
    [InlineData("330822001201", "330822001201")]
    [InlineData("330822001201001", "330822001201001")]
    public void Short_codes_are_padded_to_twelve_digits_as_the_statistical_tables_print_them(string code, string padded)
    {
        Assert.Equal(padded, Division.Pad(code));
    }

    [Fact]
    public void A_line_with_the_wrong_number_of_cells_is_refused_naming_the_line()
    {
        const string csv = "code,name,level,parent_code\n330822,常山县,county,3308\n330822001,天马街道,township\n";

        var error = Assert.Throws<FormatException>(() => Parse(csv));

        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_a_stray_comma_is_refused_rather_than_read_into_the_wrong_columns()
    {
        const string csv = "code,name,level,parent_code\n330822,常山县,county,3308\n330822001,天马,街道,township,330822\n";

        var error = Assert.Throws<FormatException>(() => Parse(csv));

        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("330822,常山县,county,3308\n")]
    [InlineData("name,code,level,parent_code\n330822,常山县,county,3308\n")]
    public void A_file_without_the_header_is_refused(string csv)
    {
        var error = Assert.Throws<FormatException>(() => Parse(csv));

        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_with_a_level_the_tree_does_not_know_is_refused_naming_the_line_and_the_level()
    {
        const string csv = "code,name,level,parent_code\n330822,常山县,county,3308\n330822001,天马街道,hamlet,330822\n";

        var error = Assert.Throws<FormatException>(() => Parse(csv));

        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'hamlet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_and_windows_line_ends_are_read_like_the_published_file()
    {
        const string csv = "code,name,level,parent_code\r\n330822,常山县,county,3308\r\n\r\n330822001,天马街道,township,330822\r\n";

        var rows = Parse(csv);

        Assert.Equal(
            [new Division("330822", "常山县", "county", "3308"), new Division("330822001", "天马街道", "township", "330822")],
            rows);
    }

    private static List<Division> Parse(string csv)
    {
        using var reader = new StringReader(csv);
        return Division.ParseCsv(reader).ToList();
    }
}
