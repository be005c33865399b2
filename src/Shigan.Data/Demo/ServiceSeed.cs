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

        var items = ServiceCatalogueSeed.Items();
        var counties = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.County).ToListAsync(ct);
        var known = (await db.Departments.IgnoreQueryFilters().Where(d => d.Region!.Level == RegionLevel.County)
            .Select(d => new { d.RegionId, d.Name }).ToListAsync(ct)).ToLookup(d => d.RegionId, d => d.Name);
        foreach (var county in counties)
        {
            db.Departments.AddRange(DepartmentsFor(county, items, known[county.Id]));
        }

        db.ServiceItems.AddRange(items);
        db.LifeEvents.AddRange(ServiceCatalogueSeed.LifeEvents());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The county's departments for the catalogue's items that it lacks. The catalogue names Changshan's offices; another
    /// county (the data generator's) gets its own, "常山县" replaced by its name, and <see cref="DepartmentName"/> finds them.
    /// </summary>
    public static IEnumerable<Department> DepartmentsFor(Region county, IEnumerable<ServiceItem> items, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(county);
        var names = items.Select(i => DepartmentName(i.DepartmentName, county)).Distinct(StringComparer.Ordinal).Except(known, StringComparer.Ordinal);
        return names.Select(name => new Department
        {
            Name = name,
            Kind = IsPartner(name) ? DepartmentKind.ServicePartner : DepartmentKind.CountyBureau,
            Platform = Platform.ConvenienceServices,
            RegionId = county.Id,
            RegionPath = county.RegionPath,
        }).ToList();
    }

    /// <summary>The county's own department for a department the catalogue names.</summary>
    public static string DepartmentName(string catalogueName, Region county)
    {
        ArgumentNullException.ThrowIfNull(catalogueName);
        ArgumentNullException.ThrowIfNull(county);
        return catalogueName.Replace(ChangshanName, county.Name, StringComparison.Ordinal);
    }

    private const string ChangshanName = "常山县";

    // Banks and utilities serve under agreement rather than as bureaus of the county.
    private static bool IsPartner(string name) =>
        name.Contains("农信社", StringComparison.Ordinal) || name.Contains("公司", StringComparison.Ordinal);
}
