using Shigan.Core.Cases;

namespace Shigan.Core.Services;

/// <summary>One run of the trip calculator: where each item is done, the stops it needs on which day, and the trips they make.</summary>
internal sealed class TripSchedule
{
    private readonly List<ServiceItem> items;
    private readonly Dictionary<string, ServiceItem> catalogue;
    private readonly Dictionary<string, ServiceItem> bundle;
    private readonly HashSet<string> catalogueCodes;
    private readonly DeliveryModel model;
    private readonly WorkingCalendar calendar;
    private readonly DateOnly startDay;

    private readonly Dictionary<string, Where> wheres = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> ready = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> inHand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stop> applies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stop> collects = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Material, string Department), Stop> fetches = [];
    private readonly List<Stop> stops = [];
    private readonly List<HandedMaterial> handed = [];
    private readonly HashSet<(string Place, string Material)> handedAt = [];
    private readonly List<(ServiceItem Item, Material Material, string Issuer)> shared = [];
    private readonly List<UnissuedMaterial> unissued = [];

    public TripSchedule(List<ServiceItem> items, Dictionary<string, ServiceItem> catalogue, DeliveryModel model, DateOnly start, WorkingCalendar calendar)
    {
        this.items = items;
        this.catalogue = catalogue;
        this.model = model;
        this.calendar = calendar;
        bundle = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        catalogueCodes = [.. catalogue.Keys];
        startDay = start;
        while (!calendar.IsWorkingDay(startDay))
        {
            startDay = startDay.AddDays(1);
        }
    }

    private enum Handling
    {
        NoVisit,
        Window,
        Online,
        OwnPlace,
    }

    /// <summary>Places every item, schedules its stops and makes the trips; call once, before <see cref="Explain"/>.</summary>
    public TripPlan Run()
    {
        AssignPlaces();
        foreach (var item in items)
        {
            Schedule(item);
        }

        var trips = Trips();
        var finished = ready.Values.Concat(trips.Select(t => t.Day)).Max();
        return new()
        {
            Model = model,
            StartDay = startDay,
            Trips = trips,
            FinishedOn = finished,
            ElapsedWorkingDays = calendar.WorkingDaysBetween(startDay, finished) + 1,
            HandedOver = handed,
            Savings = [],
            Unissued = unissued,
            Fee = items.Sum(i => i.Fee),
        };
    }

    /// <summary>The visits and papers this plan spares compared with <paramref name="baseline"/> (each department on its own).</summary>
    public IReadOnlyList<TripSaving> Explain(TripSchedule baseline)
    {
        var savings = new List<TripSaving>();
        foreach (var stop in baseline.stops)
        {
            var item = stop.Item;
            var where = wheres[item.Code];
            switch (stop.Purpose)
            {
                // A window that is the item's own office saves nothing.
                case StopPurpose.Apply when where.Handling == Handling.Window && where.Place != stop.Place:
                    savings.Add(new(TripSavingKind.WindowIntake, item.Code, null, stop.Place, true, $"{item.Name}在{where.Place}一次受理，省去往返{stop.Place}"));
                    break;
                case StopPurpose.Apply when where.Handling == Handling.Online:
                    savings.Add(new(TripSavingKind.Online, item.Code, null, stop.Place, true, $"{item.Name}网上办理，省去往返{stop.Place}"));
                    break;
                case StopPurpose.Collect when !collects.ContainsKey(item.Code):
                    savings.Add(stop.Material is { } paper
                        ? new(TripSavingKind.SharedNoFetch, item.Code, paper, stop.Place, true, $"{paper}由{item.DepartmentName}出具，共享后无需再去{stop.Place}领取")
                        : new(TripSavingKind.ResultDelivered, item.Code, null, stop.Place, true, $"{item.Name}的结果寄递或电子送达，省去再去{stop.Place}领取"));
                    break;
                case StopPurpose.Fetch when stop.Material is { } fetched && !fetches.ContainsKey((fetched, stop.Place)):
                    savings.Add(new(TripSavingKind.SharedNoFetch, item.Code, fetched, stop.Place, true, $"{fetched}由{stop.Place}出具，共享后无需再去{stop.Place}开具"));
                    break;
                default:
                    break;
            }
        }

        foreach (var (item, material, issuer) in shared)
        {
            if (!savings.Any(s => s.MaterialName == material.Name))
            {
                savings.Add(new(TripSavingKind.SharedNoCarry, item.Code, material.Name, issuer, false, $"{material.Name}由{issuer}出具，共享后无需携带"));
            }
        }

        return savings;
    }

    /// <summary>
    /// (b) the comprehensive window taking most of the bundle first, then the other; (c) the partner before both.
    /// Ties go to the township window, the one nearer the villager.
    /// </summary>
    private void AssignPlaces()
    {
        var windows = new List<ServiceChannels>();
        if (model == DeliveryModel.PartnerWindow)
        {
            windows.Add(ServiceChannels.BankWindow);
        }

        if (model != DeliveryModel.Separate)
        {
            var rest = items.Where(i => i.OnSiteVisits > 0 && !windows.Any(w => i.Channels.HasFlag(w))).ToList();
            var countyFirst = rest.Count(i => i.Channels.HasFlag(ServiceChannels.CountyHall)) > rest.Count(i => i.Channels.HasFlag(ServiceChannels.TownshipWindow));
            windows.AddRange(countyFirst
                ? [ServiceChannels.CountyHall, ServiceChannels.TownshipWindow]
                : [ServiceChannels.TownshipWindow, ServiceChannels.CountyHall]);
        }

        foreach (var item in items)
        {
            var window = windows.FirstOrDefault(w => item.Channels.HasFlag(w));
            wheres[item.Code] =
                item.OnSiteVisits <= 0 ? new(Handling.NoVisit, item.DepartmentName)
                : model == DeliveryModel.Separate ? new(Handling.OwnPlace, item.DepartmentName)
                : window != ServiceChannels.None ? new(Handling.Window, TripCalculator.PlaceOf(window))
                : item.Channels.HasFlag(ServiceChannels.Online) ? new(Handling.Online, TripCalculator.OnlinePlace)
                : new(Handling.OwnPlace, item.DepartmentName);
        }
    }

    private void Schedule(ServiceItem item)
    {
        var deps = ServiceCatalogueChecks.DependsOn(item, bundle);
        var begin = deps.Select(d => ready[d]).Append(startDay).Max();
        var where = wheres[item.Code];

        // A window takes the whole application on the first day; the departments behind it wait for the prerequisites.
        Stop? apply = where.Handling switch
        {
            Handling.Window => Add(new(startDay, where.Place, StopPurpose.WindowApply, item, null)),
            Handling.OwnPlace => Add(new(begin, where.Place, StopPurpose.Apply, item, null)),
            _ => null,
        };
        if (apply is not null)
        {
            applies[item.Code] = apply;
            if (where.Handling == Handling.OwnPlace)
            {
                apply.After.AddRange(deps.Select(d => applies.GetValueOrDefault(d)).OfType<Stop>());
            }
        }

        foreach (var material in item.Materials)
        {
            Take(item, material, where, begin, apply);
        }

        ready[item.Code] = item.PromisedDays <= 0 ? begin : calendar.NthWorkingDayAfter(begin, item.PromisedDays);
        inHand[item.Code] = item.PromisedDays <= 0 && where.Handling is Handling.NoVisit or Handling.OwnPlace;
        if (where.Handling == Handling.OwnPlace && item.OnSiteVisits >= ServiceItem.MaxOnSiteVisits)
        {
            Collect(item, null);
        }
    }

    /// <summary>What one material costs: handed over, carried from an earlier item, fetched elsewhere, or shared.</summary>
    private void Take(ServiceItem item, Material material, Where where, DateOnly begin, Stop? apply)
    {
        if (ServiceCatalogueChecks.Unissued(item, material, catalogueCodes) is { } flagged)
        {
            unissued.Add(flagged);
            Hand(where.Place, item, material);
            return;
        }

        if (material.HeldByCitizen)
        {
            Hand(where.Place, item, material);
            return;
        }

        var issuerItem = material.IssuedByItemCode is { } code ? catalogue[code] : null;
        var issuer = issuerItem?.DepartmentName ?? material.IssuedByDepartment!;
        if (model != DeliveryModel.Separate)
        {
            shared.Add((item, material, issuer));
            return;
        }

        Hand(where.Place, item, material);
        var before = issuerItem is not null && bundle.ContainsKey(issuerItem.Code)
            ? inHand[issuerItem.Code] ? null : Collect(issuerItem, material.Name)
            : Fetch(item, material.Name, issuer, begin);
        if (before is not null)
        {
            apply?.After.Add(before);
        }
    }

    private void Hand(string place, ServiceItem item, Material material)
    {
        // Each department on its own asks for every paper again; a shared window or office sees each once.
        if (model == DeliveryModel.Separate || handedAt.Add((place, material.Name)))
        {
            handed.Add(new(place, item.Code, material.Name, material.Form));
        }
    }

    private Stop Collect(ServiceItem item, string? material)
    {
        if (!collects.TryGetValue(item.Code, out var stop))
        {
            stop = Add(new(ready[item.Code], wheres[item.Code].Place, StopPurpose.Collect, item, material));
            if (applies.GetValueOrDefault(item.Code) is { } apply)
            {
                stop.After.Add(apply);
            }

            collects[item.Code] = stop;
        }

        return stop;
    }

    private Stop Fetch(ServiceItem consumer, string material, string department, DateOnly day)
    {
        if (!fetches.TryGetValue((material, department), out var stop))
        {
            stop = Add(new(day, department, StopPurpose.Fetch, consumer, material));
            fetches[(material, department)] = stop;
        }

        return stop;
    }

    private Stop Add(Stop stop)
    {
        stops.Add(stop);
        return stop;
    }

    /// <summary>
    /// Each day's stops in an order the waits allow, staying at the current place while anything is left to do there;
    /// a change of place is a new trip.
    /// </summary>
    private List<Trip> Trips()
    {
        var trips = new List<Trip>();
        foreach (var day in stops.GroupBy(s => s.Day).OrderBy(g => g.Key))
        {
            var pending = day.ToList();
            var done = new HashSet<Stop>();
            string? place = null;
            List<TripStop>? current = null;
            while (pending.Count > 0)
            {
                var available = pending.Where(s => s.After.All(a => a.Day != day.Key || done.Contains(a))).ToList();
                var pick = available.FirstOrDefault(s => s.Place == place) ?? available.FirstOrDefault()
                    ?? throw new InvalidOperationException($"The stops of {day.Key:yyyy-MM-dd} wait for each other.");
                if (pick.Place != place || current is null)
                {
                    current = [];
                    trips.Add(new(day.Key, pick.Place, current));
                    place = pick.Place;
                }

                current.Add(new(pick.Purpose, pick.Item.Code, pick.Item.Name, pick.Material));
                done.Add(pick);
                pending.Remove(pick);
            }
        }

        return trips;
    }

    private sealed record Where(Handling Handling, string Place);

    private sealed class Stop(DateOnly day, string place, StopPurpose purpose, ServiceItem item, string? material)
    {
        public DateOnly Day { get; } = day;

        public string Place { get; } = place;

        public StopPurpose Purpose { get; } = purpose;

        public ServiceItem Item { get; } = item;

        public string? Material { get; } = material;

        public List<Stop> After { get; } = [];
    }
}
