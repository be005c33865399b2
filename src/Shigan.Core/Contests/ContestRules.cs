using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>Who may do what with contests, beside the scope rule.</summary>
public static class ContestRules
{
    /// <summary>The county sets contests among townships, a township among its villages; those below only read them.</summary>
    public static bool CanManage(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;

    /// <summary>
    /// A judge may not score the unit they come from (their home unit is that participant or below it). A judge from
    /// the county scores everyone.
    /// </summary>
    public static bool IsOwnUnit(string judgeHomePath, string participantPath) => RegionPaths.IsAtOrBelow(judgeHomePath, participantPath);

    /// <summary>Participants must belong to the organiser (a township's villages, the county's townships) and not be the organiser itself.</summary>
    public static bool MayTakePart(string organiserPath, string participantPath) =>
        participantPath != organiserPath && RegionPaths.IsAtOrBelow(participantPath, organiserPath);
}
