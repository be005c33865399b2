using Shigan.Core.Org;
using static Shigan.Core.Tests.Org.ZhejiangDivisions;

namespace Shigan.Core.Tests.Org;

/// <summary>Who may see what, over Changshan's real tree: an account's unit and everything below it, nothing else.</summary>
public sealed class ScopeRuleTests
{
    private const string Qiuchuan = "330822111000";
    private const string Tianma = "330822001000";
    private const string Mengqiao = "330822213214";
    private const string Kenong = "330822213204";

    [Fact]
    public void A_township_sees_itself_and_exactly_its_own_villages_and_their_grids()
    {
        var township = Unit(Qiuchuan);
        var scope = RegionScope.Of(township.RegionPath);

        // Expected units come from the division table's parent codes, not from the paths under test.
        var villageCodes = Rows.Where(r => r.ParentCode == "330822111").Select(r => r.Code).ToHashSet();
        var expected = Changshan
            .Where(r => r.Code == Qiuchuan
                || villageCodes.Contains(r.Code)
                || (r.Level == RegionLevel.Grid && villageCodes.Contains(r.Code[..12])))
            .Select(r => r.Code)
            .Order(StringComparer.Ordinal);

        var covered = Changshan.Where(scope.Covers).Select(r => r.Code).Order(StringComparer.Ordinal);

        Assert.Equal(expected, covered);
        Assert.Equal(1 + 22 + (22 * 3), covered.Count());
    }

    [Fact]
    public void A_township_does_not_see_a_sibling_township_its_villages_or_the_county()
    {
        var scope = RegionScope.Of(Unit(Qiuchuan).RegionPath);
        var tianma = Unit(Tianma);

        Assert.False(scope.Covers(tianma));
        Assert.All(tianma.Children, village => Assert.False(scope.Covers(village)));
        Assert.False(scope.Covers(Unit("330822000000")));
    }

    [Fact]
    public void A_village_cadre_sees_their_village_and_its_grids_only()
    {
        var village = Unit(Mengqiao);
        var scope = RegionScope.Of(village.RegionPath);

        var covered = Changshan.Where(scope.Covers).Select(r => r.Code).Order(StringComparer.Ordinal);

        Assert.Equal([Mengqiao, Mengqiao + "001", Mengqiao + "002", Mengqiao + "003"], covered);
        Assert.False(scope.Covers(Unit(Kenong)), "a neighbouring village of the same township");
        Assert.False(scope.Covers(Unit("330822213000")), "the village's own township");
    }

    [Fact]
    public void The_county_sees_every_unit_of_the_tree()
    {
        var scope = RegionScope.Of(Unit("330822000000").RegionPath);

        Assert.Equal(213, Changshan.Count(r => r.Level != RegionLevel.Grid && scope.Covers(r)));
        Assert.All(Changshan, unit => Assert.True(scope.Covers(unit), unit.Code));
    }

    [Fact]
    public void For_every_pair_of_units_a_scope_covers_the_other_exactly_when_it_is_the_same_unit_or_an_ancestor()
    {
        var wrong = new List<string>();
        foreach (var a in Changshan)
        {
            var scope = RegionScope.Of(a.RegionPath);
            foreach (var b in Changshan)
            {
                if (scope.Covers(b) != IsAtOrAbove(a, b))
                {
                    wrong.Add($"{a.Code} -> {b.Code}");
                }
            }
        }

        // 213 divisions and 594 grids: every one of the 651,249 ordered pairs agrees with the parent links.
        Assert.Equal(807, Changshan.Count);
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_path_range_the_database_filters_by_agrees_with_the_scope_rule_for_every_pair_of_units()
    {
        // The database answers the scope as a range of paths; a range that drifted from the rule would show or hide whole units.
        var wrong = new List<string>();
        foreach (var a in Changshan.Append(null))
        {
            var scope = a is null ? RegionScope.All : RegionScope.Of(a.RegionPath);
            foreach (var b in Changshan)
            {
                var inRange = string.CompareOrdinal(b.RegionPath, scope.RangeStart) >= 0 && string.CompareOrdinal(b.RegionPath, scope.RangeEnd) < 0;
                if (inRange != (a is null || IsAtOrAbove(a, b)))
                {
                    wrong.Add($"{a?.Code ?? "all"} -> {b.Code}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.DoesNotContain(Changshan, b => string.CompareOrdinal(b.RegionPath, RegionScope.Nothing.RangeStart) >= 0
            && string.CompareOrdinal(b.RegionPath, RegionScope.Nothing.RangeEnd) < 0);
    }

    [Fact]
    public void An_actor_that_could_not_be_identified_sees_nothing()
    {
        Assert.DoesNotContain(Changshan, RegionScope.Nothing.Covers);
        Assert.False(RegionScope.Nothing.Covers(""));
        Assert.False(RegionScope.Nothing.IsAll);
    }

    [Fact]
    public void The_system_sees_everything_even_outside_the_county()
    {
        Assert.All(Changshan, unit => Assert.True(RegionScope.All.Covers(unit)));
        Assert.True(RegionScope.All.Covers("330100000000/"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_unit_path_is_refused_rather_than_read_as_everything(string path)
    {
        // An empty prefix would match every path; an account with a lost unit must not see the county.
        Assert.ThrowsAny<ArgumentException>(() => RegionScope.Of(path));
    }

    [Theory]
    // Two townships whose padded codes share their first eight digits.
    [InlineData("330822001000", "330822002000")]
    // Neighbouring villages of one township: 3308220012xx.
    [InlineData("330822001201", "330822001202")]
    // A sibling whose code begins with the whole of the other's code: only the separator tells them apart.
    [InlineData("330822001201", "3308220012010")]
    [InlineData("33082200120", "330822001201")]
    public void Units_whose_codes_share_leading_digits_do_not_cover_each_other(string code, string lookalike)
    {
        // Side by side under one parent, so that nothing but the two codes differs between the paths.
        var parent = RegionPaths.Root("330822000000");
        var unit = RegionPaths.Child(parent, code);
        var other = RegionPaths.Child(parent, lookalike);

        Assert.False(RegionScope.Of(unit).Covers(other), $"{code} must not cover {lookalike}");
        Assert.False(RegionScope.Of(other).Covers(unit), $"{lookalike} must not cover {code}");
        Assert.True(RegionScope.Of(parent).Covers(unit));
        Assert.True(RegionScope.Of(parent).Covers(other));
    }
}
