using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>Who does what with projects; the scope rule separately limits everyone to their own unit's projects.</summary>
public static class ProjectRoles
{
    /// <summary>
    /// Set up projects and keep them up to date (progress, milestones, blockers): the county, a township's staff and a
    /// village's cadres, each for their own unit and below. Others read the board; judges read, they add nothing.
    /// </summary>
    public static bool MayManage(Role? role) => role is Role.CountyAdmin or Role.TownshipStaff or Role.VillageCadre;
}
