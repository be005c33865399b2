using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Services.Applications;

/// <summary>The one-trip figures over a period as the dashboard shows them: counted by the database, not from the rows.</summary>
public sealed record OneTripFigures(int Applications, int Done, double? AverageTrips, double? ShareInOneTrip);

/// <summary>
/// The one-trip figures the actor sees: the figures page, its export and its API read the whole report; the dashboard
/// reads only the overall line, which the database counts (at a city or the province the report's rows run to the tens
/// of thousands; the dashboard needs three numbers).
/// </summary>
public static class ApplicationFigureQueries
{
    /// <summary>The figures the actor sees, narrowed to one unit when asked (a unit the actor cannot see: nothing).</summary>
    public static async Task<FigureReport> ReportAsync(ShiganDb db, CurrentActor actor, FigurePeriod period, int? regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applications = ApplicationQueries.Visible(db, actor);
        if (regionId is { } unitId)
        {
            var path = await db.Regions.AsNoTracking().Where(r => r.Id == unitId).Select(r => r.RegionPath).SingleOrDefaultAsync(ct);
            var scope = path is null ? RegionScope.Nothing : RegionScope.Of(path);
            var (start, end) = (scope.RangeStart, scope.RangeEnd);
#pragma warning disable CA1309 // translated to SQL's >= and <, as the scope filter is (see ShiganDb)
            applications = applications.Where(a => string.Compare(a.RegionPath, start) >= 0 && string.Compare(a.RegionPath, end) < 0);
#pragma warning restore CA1309
        }

        return await ApplicationFigures.ReportAsync(db, applications, period, ct);
    }

    /// <summary>
    /// The report's overall applications, done, average trips and share done in one trip, as one aggregate over the
    /// applications taken in the period (the same rule as <see cref="ApplicationFigureMath"/>: trips are counted over
    /// the done applications only).
    /// </summary>
    public static async Task<OneTripFigures> OverallAsync(ShiganDb db, CurrentActor actor, FigurePeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.StartUtc, period.EndUtc);
        // Grouped by (done, trips): a handful of rows, and each application's trips counted once (a sum and a count
        // over the same subquery would count them twice).
        var groups = await ApplicationQueries.Visible(db, actor)
            .Where(a => a.TakenAtUtc >= start && a.TakenAtUtc < end)
            .Select(a => new { Done = a.Status == ApplicationStatus.Done, Trips = a.Trips.Count })
            .GroupBy(a => new { a.Done, a.Trips })
            .Select(g => new { g.Key.Done, g.Key.Trips, Count = g.Count() })
            .ToListAsync(ct);
        var done = groups.Where(g => g.Done).ToList();
        var doneCount = done.Sum(g => g.Count);
        return doneCount == 0
            ? new OneTripFigures(groups.Sum(g => g.Count), 0, null, null)
            : new OneTripFigures(
                groups.Sum(g => g.Count),
                doneCount,
                (double)done.Sum(g => (long)g.Trips * g.Count) / doneCount,
                (double)done.Where(g => g.Trips <= 1).Sum(g => g.Count) / doneCount);
    }
}
