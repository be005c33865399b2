using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Core.Services.Applications;

/// <summary>Who does what with applications; the scope rule separately limits everyone to their own unit.</summary>
public static class ApplicationRoles
{
    /// <summary>
    /// Windows take applications: a clerk of the township window, the county hall or a partner bank, and township staff
    /// standing in. A clerk placed in a bureau works that bureau's parts instead (see <see cref="MayTakeAt"/>).
    /// </summary>
    public static bool MayTake(Role role) => role is Role.WindowClerk or Role.TownshipStaff;

    /// <summary>A window is a unit's own (no department) or a partner's counter; a bureau's desk is back office.</summary>
    public static bool MayTakeAt(Role role, DepartmentKind? department) =>
        MayTake(role) && department is (null or DepartmentKind.ServicePartner);

    /// <summary>The citizen comes back to a window: its clerks, township staff, and the departments' own desks record it.</summary>
    public static bool MayRecordTrip(Role role) => role is Role.WindowClerk or Role.TownshipStaff or Role.PlatformOfficer;

    /// <summary>A part is its department's: only accounts placed in that department act on it.</summary>
    public static bool MayActOnPart(Role role, int? actorDepartmentId, int partDepartmentId) =>
        role is not (Role.Judge or Role.VillageCadre or Role.GridWorker) && actorDepartmentId == partDepartmentId;

    /// <summary>Applicants' names and phones: for those who handle the work, as with cases' reporters.</summary>
    public static bool MayReadApplicants(Role? role) => CaseRoles.MayReadReporters(role);

    /// <summary>
    /// Whose view is narrowed to their department: an account placed in one that is not township staff or the county
    /// sees what its department handles (a partner window also what it took), not its whole unit.
    /// </summary>
    public static bool SeesOnlyOwnDepartment(Role role) => role is not (Role.CountyAdmin or Role.TownshipStaff);

    /// <summary>Where a window stands: a partner's counter is a bank window, the county's own is the hall, a township's its centre.</summary>
    public static ServiceChannels ChannelOf(RegionLevel level, DepartmentKind? department) =>
        department == DepartmentKind.ServicePartner ? ServiceChannels.BankWindow
        : level == RegionLevel.County ? ServiceChannels.CountyHall
        : ServiceChannels.TownshipWindow;
}
