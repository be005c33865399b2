using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Services;
using Shigan.Data;
using Shigan.Web.Cases;
using Shigan.Web.Services.Catalogue;

namespace Shigan.Web.Services.Trips;

/// <summary>
/// Runs the trip calculator for a bundle on the catalogue as stored and the county's working calendar (the same cached
/// calendar the cases' deadlines use), and words the result for people.
/// </summary>
public static class TripComparisons
{
    /// <summary>The calculator looks at most this far from today: further is a typing mistake, not a plan.</summary>
    public const int MaxYearsAway = 5;

    public static string Label(DeliveryModel model) => model switch
    {
        DeliveryModel.Separate => "各部门分头办",
        DeliveryModel.OneWindow => "一窗受理·数据共享",
        _ => "政银合作",
    };

    public static string Purpose(StopPurpose purpose) => purpose switch
    {
        StopPurpose.Apply => "申请",
        StopPurpose.WindowApply => "一窗递交",
        StopPurpose.Collect => "领取",
        _ => "开具",
    };

    /// <summary>Null when there is no such bundle; a problem when its items cannot be planned (the catalogue is wrong).</summary>
    public static async Task<(TripComparison? Comparison, string? Problem)> CompareAsync(
        ShiganDb db, CalendarSource calendars, IStringLocalizer text, string code, DateOnly start, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(text);
        var bundle = await db.LifeEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, ct);
        if (bundle is null)
        {
            return (null, null);
        }

        var catalogue = await db.ServiceItems.AsNoTracking().ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        IReadOnlyList<TripPlan> plans;
        try
        {
            plans = TripCalculator.Compare(bundle, catalogue, start, calendar);
        }
        catch (ArgumentException e)
        {
            // The catalogue's checks keep these out; one written around them is told, not thrown at the user.
            return (null, e.Message);
        }

        var byCode = catalogue.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var items = bundle.ItemCodes.Select(c => byCode[c])
            .Select(i => new BundleItemLine(i.Code, i.Name, i.DepartmentName, CatalogueChannels.Text(i.Channels), i.PromisedDays, i.IsActive))
            .ToList();
        return (new TripComparison(bundle.Code, bundle.Name, bundle.Description, plans[0].StartDay, items, [.. plans.Select(p => View(p, text))]), null);
    }

    private static TripPlanView View(TripPlan plan, IStringLocalizer text)
    {
        var number = 0;
        var days = plan.Trips.GroupBy(t => t.Day)
            .Select(g => new TripDayView(g.Key, [.. g.Select(t => new TripView(
                ++number,
                t.Place,
                [.. t.Stops.Select(s => new TripStopView(s.Purpose, text[Purpose(s.Purpose)], s.ItemCode, s.ItemName, s.MaterialName))]))]))
            .ToList();
        return new TripPlanView(
            plan.Model, text[Label(plan.Model)], plan.TripCount, plan.TripDays, plan.Places, plan.HandedOverCount, plan.ElapsedWorkingDays,
            plan.StartDay, plan.FinishedOn, plan.Fee, days, plan.HandedOver, plan.Savings, plan.Unissued);
    }
}
