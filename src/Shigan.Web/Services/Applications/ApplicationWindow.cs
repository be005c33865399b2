using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Services.Applications;

/// <summary>
/// The window an account works at, read from the account itself (never from the request): its unit, its partner
/// department if it sits at a bank's counter, the channel that makes, and the place a citizen's visit there is named by.
/// </summary>
public sealed record ApplicationWindow(ServiceChannels Channel, int RegionId, string RegionName, int? DepartmentId, string? DepartmentName, DepartmentKind? DepartmentKind)
{
    /// <summary>Where the citizen stood, as a trip records it: the partner's branch, the township's centre or the county hall.</summary>
    public string Place => Channel switch
    {
        ServiceChannels.BankWindow => DepartmentName ?? TripCalculator.BankWindowPlace,
        ServiceChannels.CountyHall => TripCalculator.CountyHallPlace,
        _ => RegionName + "便民服务中心",
    };

    /// <summary>The actor's window, or null for an account that sits at none (a bureau's desk, a village cadre…).</summary>
    public static async Task<ApplicationWindow?> OfAsync(ShiganDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (actor.Role is not { } role || actor.UnitId is not { } unitId || !ApplicationRoles.MayTake(role))
        {
            return null;
        }

        var unit = await db.Regions.AsNoTracking().Where(r => r.Id == unitId).Select(r => new { r.Id, r.Name, r.Level }).SingleOrDefaultAsync(ct);
        var department = actor.DepartmentId is { } did
            ? await db.Departments.AsNoTracking().Where(d => d.Id == did).Select(d => new { d.Id, d.Name, d.Kind }).SingleOrDefaultAsync(ct)
            : null;
        if (unit is null || !ApplicationRoles.MayTakeAt(role, department?.Kind))
        {
            return null;
        }

        var channel = ApplicationRoles.ChannelOf(unit.Level, department?.Kind);
        return new(channel, unit.Id, unit.Name, department?.Id, department?.Name, department?.Kind);
    }
}
