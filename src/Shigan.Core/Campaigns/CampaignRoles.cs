using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>Who does what in a campaign; the scope rule separately limits everyone to their own unit's targets.</summary>
public static class CampaignRoles
{
    /// <summary>Set up campaigns, import sheets, form teams, and take a target back a stage (with a reason).</summary>
    public static bool MayManage(Role? role) => role is Role.CountyAdmin or Role.TownshipStaff;

    /// <summary>Visits and forward moves: everyone on the ground. Judges read; they do not add to the record.</summary>
    public static bool MayWork(Role? role) => role is not null and not Role.Judge;

    /// <summary>Owners' names and phones, as for case reporters: those who run the work read them in clear.</summary>
    public static bool MayReadOwners(Role? role) => role is Role.CountyAdmin or Role.TownshipStaff or Role.PlatformOfficer or Role.WindowClerk;
}
