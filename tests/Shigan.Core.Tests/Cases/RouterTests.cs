using Shigan.Core.Cases;

namespace Shigan.Core.Tests.Cases;

/// <summary>Automatic routing: the rule for the smallest area wins, else the category's default in the case's township.</summary>
public sealed class RouterTests
{
    private const string County = "330822000000/";
    private const string Xinchang = County + "330822219000/";              // 新昌乡
    private const string Datang = Xinchang + "330822219227/";              // 达塘村
    private const string DatangGrid = Datang + "330822219227001/";
    private const string OtherXinchangVillage = Xinchang + "330822219201/";
    private const string Daqiaotou = County + "330822213000/";             // 大桥头乡
    private const string Mengqiao = Daqiaotou + "330822213214/";           // 濛桥村

    private const string Food = "food-safety";
    private const string River = "river-pollution";

    private static readonly RouteTarget XinchangMarket = new("d-xc-market", "新昌乡市场监管所", Xinchang);
    private static readonly RouteTarget DaqiaotouMarket = new("d-dqt-market", "大桥头乡市场监管所", Daqiaotou);
    private static readonly RouteTarget XinchangEnforcement = new("d-xc-enf", "新昌乡综合执法中队", Xinchang);
    private static readonly RouteTarget DatangTeam = new("d-datang", "达塘村专班", Xinchang);
    private static readonly RouteTarget CountyWater = new("d-water", "县水利局", County);
    private static readonly RouteTarget CountyMarket = new("d-county-market", "县市场监管局", County);

    private static readonly Dictionary<string, IReadOnlyList<RouteTarget>> Defaults = new()
    {
        [Food] = [XinchangMarket, DaqiaotouMarket],
    };

    private static RouteDecision Route(string category, string path, params RoutingRule[] rules) =>
        Router.Route(category, path, rules, Defaults);

    [Fact]
    public void With_no_rule_a_case_goes_to_the_category_default_of_its_own_township()
    {
        var inXinchang = Route(Food, Datang);
        var inDaqiaotou = Route(Food, Mengqiao);

        Assert.Equal((XinchangMarket, RouteBasis.CategoryDefault, "category-default"), (inXinchang.Department, inXinchang.Basis, inXinchang.Why));
        Assert.Equal(DaqiaotouMarket, inDaqiaotou.Department);
        Assert.Null(inXinchang.RuleId);
    }

    [Fact]
    public void A_township_rule_beats_the_category_default_there_and_only_there()
    {
        var rule = new RoutingRule("r-xc-food", Food, Xinchang, XinchangEnforcement);

        var inside = Route(Food, Datang, rule);
        var outside = Route(Food, Mengqiao, rule);

        Assert.Equal((XinchangEnforcement, RouteBasis.Rule, "r-xc-food"), (inside.Department, inside.Basis, inside.Why));
        Assert.Equal((DaqiaotouMarket, RouteBasis.CategoryDefault), (outside.Department, outside.Basis));
    }

    [Fact]
    public void A_rule_for_one_village_beats_the_rule_for_its_township_whatever_the_order()
    {
        var township = new RoutingRule("r-xc", Food, Xinchang, XinchangEnforcement);
        var village = new RoutingRule("r-datang", Food, Datang, DatangTeam);

        Assert.Equal("r-datang", Route(Food, Datang, township, village).RuleId);
        Assert.Equal("r-datang", Route(Food, Datang, village, township).RuleId);
        Assert.Equal("r-datang", Route(Food, DatangGrid, township, village).RuleId);
        Assert.Equal("r-xc", Route(Food, OtherXinchangVillage, township, village).RuleId);
    }

    [Fact]
    public void A_county_wide_rule_beats_the_default_but_loses_to_a_rule_for_a_smaller_area()
    {
        var countyWide = new RoutingRule("r-all", Food, null, CountyMarket);
        var township = new RoutingRule("r-xc", Food, Xinchang, XinchangEnforcement);

        Assert.Equal(CountyMarket, Route(Food, Mengqiao, countyWide, township).Department);
        Assert.Equal(XinchangEnforcement, Route(Food, Datang, countyWide, township).Department);
    }

    [Fact]
    public void A_rule_for_another_category_does_not_apply()
    {
        var river = new RoutingRule("r-river", River, Xinchang, CountyWater);

        Assert.Equal(RouteBasis.CategoryDefault, Route(Food, Datang, river).Basis);
        Assert.Equal(CountyWater, Route(River, Datang, river).Department);
    }

    [Fact]
    public void With_no_rule_and_no_default_the_case_is_left_for_routing_by_hand()
    {
        var noDefault = Route(River, Datang);
        var noTownshipDefault = Router.Route(Food, County + "330822001000/", [], Defaults);

        Assert.Equal((null, RouteBasis.Unrouted, "no-rule-or-default"), (noDefault.Department, noDefault.Basis, noDefault.Why));
        Assert.Equal(RouteBasis.Unrouted, noTownshipDefault.Basis);
    }

    [Fact]
    public void A_county_default_serves_townships_without_a_default_of_their_own()
    {
        var defaults = new Dictionary<string, IReadOnlyList<RouteTarget>> { [Food] = [CountyMarket, XinchangMarket] };

        Assert.Equal(XinchangMarket, Router.Route(Food, Datang, [], defaults).Department);
        Assert.Equal(CountyMarket, Router.Route(Food, Mengqiao, [], defaults).Department);
    }

    [Fact]
    public void A_rule_area_matches_whole_units_never_part_of_a_code()
    {
        var partial = new RoutingRule("r-partial", Food, County + "33082221", XinchangEnforcement);
        var noSlash = new RoutingRule("r-noslash", Food, Xinchang.TrimEnd('/'), XinchangEnforcement);

        Assert.Equal(RouteBasis.CategoryDefault, Route(Food, Datang, partial).Basis);
        Assert.Equal("r-noslash", Route(Food, Datang, noSlash).RuleId);
    }

    [Fact]
    public void Two_rules_for_the_same_area_are_flagged_and_the_lower_id_wins_meanwhile()
    {
        var b = new RoutingRule("r-b", Food, Xinchang, XinchangEnforcement);
        var a = new RoutingRule("r-a", Food, Xinchang.TrimEnd('/'), DatangTeam);   // the same area, written without the final separator
        var other = new RoutingRule("r-c", Food, Datang, DatangTeam);

        Assert.Equal("r-a", Route(Food, OtherXinchangVillage, b, a).RuleId);
        var conflict = Assert.Single(Router.Conflicts([b, other, a]));
        Assert.Equal(["r-a", "r-b"], conflict.Select(r => r.Id));
    }
}
