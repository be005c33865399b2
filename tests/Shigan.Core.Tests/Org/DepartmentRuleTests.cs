using Shigan.Core.Org;

namespace Shigan.Core.Tests.Org;

/// <summary>Where each kind of department may stand: platform offices in townships, bureaus in the county, partners in either.</summary>
public sealed class DepartmentRuleTests
{
    [Theory]
    [InlineData(DepartmentKind.TownshipPlatform, RegionLevel.County, "platform-needs-township")]
    [InlineData(DepartmentKind.TownshipPlatform, RegionLevel.Township, null)]
    [InlineData(DepartmentKind.TownshipPlatform, RegionLevel.Village, "platform-needs-township")]
    [InlineData(DepartmentKind.TownshipPlatform, RegionLevel.Grid, "platform-needs-township")]
    [InlineData(DepartmentKind.CountyBureau, RegionLevel.County, null)]
    [InlineData(DepartmentKind.CountyBureau, RegionLevel.Township, "bureau-needs-county")]
    [InlineData(DepartmentKind.CountyBureau, RegionLevel.Village, "bureau-needs-county")]
    [InlineData(DepartmentKind.CountyBureau, RegionLevel.Grid, "bureau-needs-county")]
    [InlineData(DepartmentKind.ServicePartner, RegionLevel.County, null)]
    [InlineData(DepartmentKind.ServicePartner, RegionLevel.Township, null)]
    [InlineData(DepartmentKind.ServicePartner, RegionLevel.Village, "partner-needs-county-or-township")]
    [InlineData(DepartmentKind.ServicePartner, RegionLevel.Grid, "partner-needs-county-or-township")]
    public void Each_kind_of_department_stands_only_at_its_levels(DepartmentKind kind, RegionLevel level, string? error)
    {
        Assert.Equal(error, DepartmentRules.Check(kind, Platform.ConvenienceServices, level));
    }

    [Fact]
    public void A_township_platform_office_must_name_its_platform()
    {
        Assert.Equal("platform-required", DepartmentRules.Check(DepartmentKind.TownshipPlatform, null, RegionLevel.Township));
        Assert.All(Enum.GetValues<Platform>(), p => Assert.Null(DepartmentRules.Check(DepartmentKind.TownshipPlatform, p, RegionLevel.Township)));
    }

    [Fact]
    public void A_misplaced_platform_office_is_told_about_the_level_before_the_missing_platform()
    {
        // The level is the bigger mistake: fixing the platform alone would not make it valid.
        Assert.Equal("platform-needs-township", DepartmentRules.Check(DepartmentKind.TownshipPlatform, null, RegionLevel.Village));
    }

    [Theory]
    [InlineData(DepartmentKind.CountyBureau, RegionLevel.County)]
    [InlineData(DepartmentKind.ServicePartner, RegionLevel.County)]
    [InlineData(DepartmentKind.ServicePartner, RegionLevel.Township)]
    public void Bureaus_and_partners_may_have_no_platform(DepartmentKind kind, RegionLevel level)
    {
        Assert.Null(DepartmentRules.Check(kind, null, level));
    }
}
