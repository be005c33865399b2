using Shigan.Core.Org;

namespace Shigan.Core.Tests.Org;

/// <summary>What each role may do and where in the tree an account of it may belong.</summary>
public sealed class RoleRuleTests
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();
    private static readonly RegionLevel[] AllLevels = Enum.GetValues<RegionLevel>();

    [Fact]
    public void A_county_admin_may_grant_every_role()
    {
        Assert.All(AllRoles, granted => Assert.True(RoleRules.CanGrant(Role.CountyAdmin, granted), granted.ToString()));
    }

    [Theory]
    [InlineData(Role.CountyAdmin, false)]
    [InlineData(Role.Judge, false)]
    [InlineData(Role.TownshipStaff, false)]
    [InlineData(Role.WindowClerk, true)]
    [InlineData(Role.PlatformOfficer, true)]
    [InlineData(Role.VillageCadre, true)]
    [InlineData(Role.GridWorker, true)]
    public void Township_staff_may_grant_the_roles_under_them_but_not_their_peers_county_admin_or_judge(Role granted, bool allowed)
    {
        // Granting a county-wide role would widen the township's own power; managing a peer would let one lock out another.
        Assert.Equal(allowed, RoleRules.CanGrant(Role.TownshipStaff, granted));
    }

    [Theory]
    [InlineData(Role.WindowClerk)]
    [InlineData(Role.PlatformOfficer)]
    [InlineData(Role.VillageCadre)]
    [InlineData(Role.GridWorker)]
    [InlineData(Role.Judge)]
    public void Other_roles_may_grant_nothing_not_even_their_own_role(Role actor)
    {
        Assert.All(AllRoles, granted => Assert.False(RoleRules.CanGrant(actor, granted), $"{actor} granting {granted}"));
    }

    public static TheoryData<Role, RegionLevel[]> PlacesOfEachRole => new()
    {
        { Role.CountyAdmin, [RegionLevel.County] },
        { Role.TownshipStaff, [RegionLevel.Township] },
        { Role.PlatformOfficer, [RegionLevel.Township] },
        { Role.WindowClerk, [RegionLevel.County, RegionLevel.Township] },
        { Role.Judge, [RegionLevel.County, RegionLevel.Township] },
        { Role.VillageCadre, [RegionLevel.Village] },
        { Role.GridWorker, [RegionLevel.Village, RegionLevel.Grid] },
    };

    [Theory]
    [MemberData(nameof(PlacesOfEachRole))]
    public void Each_role_belongs_at_its_own_levels_of_the_tree_and_no_other(Role role, RegionLevel[] fits)
    {
        foreach (var level in AllLevels)
        {
            Assert.True(fits.Contains(level) == RoleRules.FitsLevel(role, level), $"{role} at {level}");
        }
    }

    [Fact]
    public void Every_role_can_be_given_to_an_account_somewhere_in_the_tree()
    {
        // A role that fits no level could never be granted: an added role needs a place.
        Assert.All(AllRoles, role => Assert.Contains(AllLevels, level => RoleRules.FitsLevel(role, level)));
    }

    [Theory]
    [InlineData(Role.CountyAdmin, true, true, true, true)]
    [InlineData(Role.TownshipStaff, true, true, true, true)]
    [InlineData(Role.WindowClerk, false, false, false, false)]
    [InlineData(Role.PlatformOfficer, false, false, false, false)]
    [InlineData(Role.VillageCadre, false, false, false, true)]
    [InlineData(Role.GridWorker, false, false, false, false)]
    [InlineData(Role.Judge, false, false, false, false)]
    public void What_each_role_may_manage(Role role, bool accounts, bool departments, bool audit, bool grids)
    {
        Assert.Equal(
            (accounts, departments, audit, grids),
            (RoleRules.CanManageAccounts(role), RoleRules.CanManageDepartments(role), RoleRules.CanReadAudit(role), RoleRules.CanManageGrids(role)));
    }
}
