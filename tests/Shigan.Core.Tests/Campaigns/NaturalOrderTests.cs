using Shigan.Core.Campaigns;

namespace Shigan.Core.Tests.Campaigns;

/// <summary>House numbers, buildings and rooms read in the order a person counts them, not character by character.</summary>
public sealed class NaturalOrderTests
{
    [Fact]
    public void Numbers_in_names_compare_as_numbers()
    {
        string[] keys = ["龙头街/20号", "龙头街/1号", "龙头街/19号", "龙头街/2号", "定阳小区/10幢/1单元101", "定阳小区/9幢/2单元101", "定阳小区/9幢/1单元1001", "定阳小区/9幢/1单元901"];

        Assert.Equal(
            ["定阳小区/9幢/1单元901", "定阳小区/9幢/1单元1001", "定阳小区/9幢/2单元101", "定阳小区/10幢/1单元101", "龙头街/1号", "龙头街/2号", "龙头街/19号", "龙头街/20号"],
            keys.Order(NaturalOrder.Instance));
    }

    [Fact]
    public void Leading_zeros_and_text_keep_the_order_total()
    {
        Assert.True(NaturalOrder.Instance.Compare("7号", "07号") != 0);
        Assert.True(NaturalOrder.Instance.Compare("2号", "002号") < 0 == NaturalOrder.Instance.Compare("002号", "2号") > 0);
        Assert.True(NaturalOrder.Instance.Compare("1号", "1号附") < 0);
        Assert.Equal(0, NaturalOrder.Instance.Compare("1单元101", "1单元101"));
    }

    [Fact]
    public void Sort_keys_in_ordinal_order_are_the_keys_in_numeric_order()
    {
        string[] keys =
        [
            "龙头街/20号", "龙头街/1号", "龙头街/19号", "龙头街/2号", "龙头街/2号附", "龙头街/2", "龙头街/02-1", "定阳小区/10幢/1单元101", "定阳小区/9幢/2单元101",
            "定阳小区/9幢/1单元1001", "定阳小区/9幢/1单元901", "A0", "A", "A-1", "A/1", "9", "10", "",
        ];

        Assert.Equal(keys.Order(NaturalOrder.Instance), keys.OrderBy(NaturalOrder.SortKey, StringComparer.Ordinal));
        Assert.Equal("龙头街/0000000002号", NaturalOrder.SortKey("龙头街/002号"));
    }
}
