using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Core.Services;

namespace Shigan.Data.Demo;

/// <summary>
/// The one-trip service catalogue and its six life events, with a county department for every office an item names
/// that the county seed does not already have (the hospital, the tax bureau, the utilities, the bank's card desk…):
/// applications are split among departments, so each item's department must exist as one.
/// </summary>
public static class ServiceSeed
{
    /// <summary>Seeds the catalogue when it is empty; false when it was not.</summary>
    public static async Task<bool> RunAsync(ShiganDb db, CancellationToken ct = default)
    {
        if (await db.ServiceItems.AnyAsync(ct))
        {
            return false;
        }

        var county = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Level == RegionLevel.County, ct);
        var items = ServiceCatalogueSeed.Items();
        var known = await db.Departments.IgnoreQueryFilters()
            .Where(d => d.RegionId == county.Id).Select(d => d.Name).ToListAsync(ct);
        foreach (var name in items.Select(i => i.DepartmentName).Distinct().Except(known, StringComparer.Ordinal))
        {
            db.Departments.Add(new Department
            {
                Name = name,
                Kind = IsPartner(name) ? DepartmentKind.ServicePartner : DepartmentKind.CountyBureau,
                Platform = Platform.ConvenienceServices,
                RegionId = county.Id,
                RegionPath = county.RegionPath,
            });
        }

        db.ServiceItems.AddRange(items);
        db.LifeEvents.AddRange(ServiceCatalogueSeed.LifeEvents());
        await db.SaveChangesAsync(ct);
        return true;
    }

    // Banks and utilities serve under agreement rather than as bureaus of the county.
    private static bool IsPartner(string name) =>
        name.Contains("农信社", StringComparison.Ordinal) || name.Contains("公司", StringComparison.Ordinal);
}
