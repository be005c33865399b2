using System.Security.Claims;
using Shigan.Core.Org;

namespace Shigan.Web.Access;

/// <summary>Role-based permissions; the unit scope is enforced by the database for everyone.</summary>
public static class Policies
{
    public const string ManageAccounts = "manage-accounts";
    public const string ManageDepartments = "manage-departments";
    public const string ManageRoutingRules = "manage-routing-rules";
    public const string ManageGrids = "manage-grids";
    public const string SetPopulation = "set-population";
    public const string ManageCalendar = "manage-calendar";
    public const string ReadAudit = "read-audit";
    public const string ManageOpen311Clients = "manage-open311-clients";
    public const string ManageCatalogue = "manage-catalogue";
    public const string ManageContests = "manage-contests";
    public const string ManageCampaigns = "manage-campaigns";
    public const string ManageProjects = "manage-projects";

    public static Role? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static bool Has(ClaimsPrincipal user, Func<Role, bool> rule) => RoleOf(user) is { } role && rule(role);
}
