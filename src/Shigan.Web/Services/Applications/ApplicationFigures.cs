using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Services.Applications;
using Shigan.Data;

namespace Shigan.Web.Services.Applications;

/// <summary>A period of intake days (China dates, both ends included).</summary>
public sealed record FigurePeriod(DateOnly From, DateOnly To)
{
    public DateTime StartUtc => ChinaTime.StartOf(From).UtcDateTime;

    public DateTime EndUtc => ChinaTime.StartOf(To.AddDays(1)).UtcDateTime;
}

/// <summary>One unit's figures: the unit, and its line.</summary>
public sealed record UnitFigures(int RegionId, string Name, FigureLine Figures);

/// <summary>One item's figures, with the item's name.</summary>
public sealed record ItemFigures(string Code, string Name, FigureLine Figures);

/// <summary>The figures page: the whole of what the actor sees, each township (and the county hall), each service item.</summary>
public sealed record FigureReport(FigurePeriod Period, FigureLine Overall, IReadOnlyList<UnitFigures> Units, IReadOnlyList<ItemFigures> Items);

/// <summary>
/// The one-trip figures over the applications taken in a period, as the actor sees them (Core's
/// <see cref="ApplicationFigureMath"/> does the counting). Contest indicators call <see cref="ForUnitsAsync"/>.
/// </summary>
public static class ApplicationFigures
{
    /// <summary>
    /// Each unit's figures over the applications taken at its windows or below it (a township's centre and its bank
    /// counters; the county's: all of them). Units the actor cannot see come back empty.
    /// </summary>
    public static async Task<IReadOnlyList<UnitFigures>> ForUnitsAsync(ShiganDb db, IEnumerable<int> unitIds, FigurePeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var ids = unitIds.Distinct().ToList();
        var units = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.RegionPath }).ToListAsync(ct);
        var rows = await LoadAsync(db.ServiceApplications.AsNoTracking(), period, ct);
        return [.. ids.Select(id => units.Find(u => u.Id == id) is { } unit
            ? new UnitFigures(unit.Id, unit.Name, ApplicationFigureMath.Total(unit.Name, rows.Where(r => RegionPaths.IsAtOrBelow(r.Path, unit.RegionPath)).Select(r => r.Facts)))
            : new UnitFigures(id, "", ApplicationFigureMath.Total("", [])))];
    }

    /// <summary>The figures page and its export: everything in <paramref name="applications"/> (already narrowed to what the actor sees).</summary>
    public static async Task<FigureReport> ReportAsync(ShiganDb db, IQueryable<ServiceApplication> applications, FigurePeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await LoadAsync(applications, period, ct);
        var unitIds = rows.Select(r => r.RegionId).Distinct().ToList();
        var unitNames = await db.Regions.AsNoTracking().Where(r => unitIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var byUnit = ApplicationFigureMath.ByUnit(rows.Select(r => r.Facts));
        var byItem = ApplicationFigureMath.ByItem(rows.Select(r => r.Facts));
        var itemNames = await ApplicationQueries.ItemNamesAsync(db, byItem.Select(i => i.Key), ct);
        var order = await db.ServiceItems.AsNoTracking().Select(i => new { i.Code, i.Id }).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        return new(
            period,
            ApplicationFigureMath.Total("", rows.Select(r => r.Facts)),
            [.. byUnit.Select(u => new UnitFigures(int.Parse(u.Key, System.Globalization.CultureInfo.InvariantCulture), unitNames.GetValueOrDefault(int.Parse(u.Key, System.Globalization.CultureInfo.InvariantCulture), u.Key), u))
                .OrderBy(u => u.RegionId)],
            [.. byItem.Select(i => new ItemFigures(i.Key, itemNames.GetValueOrDefault(i.Key, i.Key), i)).OrderBy(i => order.GetValueOrDefault(i.Code, int.MaxValue))]);
    }

    private sealed record Row(int RegionId, string Path, ApplicationFacts Facts);

    // A request is its part's by department: an application has one part per department.
    private static async Task<List<Row>> LoadAsync(IQueryable<ServiceApplication> applications, FigurePeriod period, CancellationToken ct)
    {
        var start = period.StartUtc;
        var end = period.EndUtc;
        var found = await applications.Where(a => a.TakenAtUtc >= start && a.TakenAtUtc < end)
            .Select(a => new
            {
                a.Id,
                a.RegionId,
                a.RegionPath,
                a.Status,
                Trips = a.Trips.Count,
                Parts = a.Parts.Select(p => new { p.DepartmentName, p.ItemCodes, p.DueOn, p.FinishedAtUtc }).ToList(),
                Missing = a.Events.Where(e => e.Action == PartAction.RequestMaterial && e.Material != null)
                    .Select(e => new { e.DepartmentName, e.Material }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. found.Select(a => new Row(a.RegionId, a.RegionPath, new ApplicationFacts(
            a.RegionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            a.Status == ApplicationStatus.Done,
            a.Trips,
            [.. a.Parts.Select(p => new PartFacts(
                p.ItemCodes,
                p.FinishedAtUtc is { } finished && ChinaTime.DateOf(new DateTimeOffset(finished, TimeSpan.Zero)) <= p.DueOn,
                [.. a.Missing.Where(m => m.DepartmentName == p.DepartmentName).Select(m => m.Material!)]))])))];
    }
}
