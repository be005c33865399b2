namespace Shigan.Core.Org;

/// <summary>What each role may do, beside the scope rule that limits everyone to their own unit and below.</summary>
public static class RoleRules
{
    public static bool CanManageAccounts(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;

    public static bool CanManageDepartments(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;

    /// <summary>Routing rules send a township's cases to its departments: the same people who manage those departments.</summary>
    public static bool CanManageRoutingRules(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;

    /// <summary>The holiday calendar sets every township's deadlines: only the county configures it.</summary>
    public static bool CanManageCalendar(Role role) => role is Role.CountyAdmin;

    public static bool CanReadAudit(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;

    /// <summary>Open311 keys let programs file cases in every township: the county issues and revokes them.</summary>
    public static bool CanManageOpen311Clients(Role role) => role is Role.CountyAdmin;

    /// <summary>The service catalogue and its life events are the county's, the same for every township.</summary>
    public static bool CanManageCatalogue(Role role) => role is Role.CountyAdmin;

    /// <summary>
    /// Resident populations (the base of figures per 1,000 people): the county sets any unit's, a township's staff
    /// those of the units below the township (not their own: that would let a township improve its own rate).
    /// </summary>
    public static bool CanSetPopulation(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;

    public static bool CanManageGrids(Role role) => role is Role.CountyAdmin or Role.TownshipStaff or Role.VillageCadre;

    /// <summary>
    /// A township's staff manage the accounts that work under them, not their peers (one could lock out another)
    /// nor county administrators or judges (that would widen their own power); the county manages those.
    /// </summary>
    public static bool CanGrant(Role actor, Role granted) => actor switch
    {
        Role.CountyAdmin => true,
        Role.TownshipStaff => granted is not (Role.CountyAdmin or Role.Judge or Role.TownshipStaff),
        _ => false,
    };

    /// <summary>The levels of the tree where an account of this role may belong.</summary>
    public static bool FitsLevel(Role role, RegionLevel level) => role switch
    {
        Role.CountyAdmin => level == RegionLevel.County,
        Role.TownshipStaff or Role.PlatformOfficer => level == RegionLevel.Township,
        Role.WindowClerk => level is RegionLevel.County or RegionLevel.Township,
        Role.VillageCadre => level == RegionLevel.Village,
        Role.GridWorker => level is RegionLevel.Village or RegionLevel.Grid,
        Role.Judge => level is RegionLevel.County or RegionLevel.Township,
        _ => false,
    };
}
