using Shigan.Core.Cases;

namespace Shigan.Core.Services;

/// <summary>
/// How many trips, places, papers and working days a bundle asks of the citizen under each delivery model, from the
/// catalogue alone. The rules are the product's claim, so each is kept to what a window clerk would agree with:
/// <list type="number">
/// <item>Every visit to a place counts as a trip; visits to the same place one after the other on the same day are one trip.</item>
/// <item>An item starts once its prerequisites, and the items whose papers it asks for, have their results ready.</item>
/// <item>A result promised in n working days is ready on the n-th working day after the application; 0 is on the spot.</item>
/// <item>(a) Each department at its own office, with the visits its catalogue entry asks for (0, 1, or 2 to collect).</item>
/// <item>(a) A paper from an earlier item must be carried: if it was not handed over on the spot, the citizen goes
/// back for it when it is ready. A paper from a department outside the bundle is fetched there, a trip of its own.</item>
/// <item>(b) The comprehensive window that takes most of the bundle (the township's on a tie), then the other, takes
/// everything it can in one visit on the first day; the departments behind it work in prerequisite order and send the
/// results (寄递 or 电子送达), so nobody comes back to collect.</item>
/// <item>Travel time and queues are not counted: a day holds as many trips as the waits allow.</item>
/// <item>(b, c) Papers issued by a department reach the next by data sharing: never fetched, never carried.
/// What the citizen holds (身份证) is shown once per place.</item>
/// <item>(b, c) An item no window takes is done online if it can be, else at its department as in (a) but with sharing.</item>
/// <item>(c) The partner window (the bank) takes everything it can; what it cannot is delivered as in (b).</item>
/// <item>An item that needs no visit (the birth certificate, issued at the birth) costs no trip under any model.</item>
/// </list>
/// </summary>
public static class TripCalculator
{
    public const string TownshipWindowPlace = "乡镇便民服务中心";
    public const string CountyHallPlace = "县行政服务中心";
    public const string BankWindowPlace = "县农信社网点";
    public const string OnlinePlace = "网上（浙里办）";

    public static IReadOnlyList<DeliveryModel> Models { get; } =
        [DeliveryModel.Separate, DeliveryModel.OneWindow, DeliveryModel.PartnerWindow];

    /// <summary>The three models side by side, in the order (a), (b), (c).</summary>
    public static IReadOnlyList<TripPlan> Compare(LifeEvent bundle, IEnumerable<ServiceItem> catalogue, DateOnly start, WorkingCalendar calendar) =>
        [.. Models.Select(m => Plan(bundle, catalogue, m, start, calendar))];

    /// <exception cref="ArgumentException">
    /// The bundle is empty, names an item twice or one the catalogue lacks, an item names an unknown prerequisite, or
    /// the ordering has a cycle (the message names it).
    /// </exception>
    public static TripPlan Plan(LifeEvent bundle, IEnumerable<ServiceItem> catalogue, DeliveryModel model, DateOnly start, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown delivery model.");
        }

        var all = ByCode(catalogue);
        var items = Ordered(bundle, all);
        var schedule = new TripSchedule(items, all, model, start, calendar);
        var plan = schedule.Run();
        if (model == DeliveryModel.Separate)
        {
            return plan;
        }

        var baseline = new TripSchedule(items, all, DeliveryModel.Separate, start, calendar);
        baseline.Run();
        return plan with { Savings = schedule.Explain(baseline) };
    }

    public static string PlaceOf(ServiceChannels window) => window switch
    {
        ServiceChannels.TownshipWindow => TownshipWindowPlace,
        ServiceChannels.CountyHall => CountyHallPlace,
        ServiceChannels.BankWindow => BankWindowPlace,
        ServiceChannels.Online => OnlinePlace,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Not one channel."),
    };

    private static Dictionary<string, ServiceItem> ByCode(IEnumerable<ServiceItem> catalogue)
    {
        var all = new Dictionary<string, ServiceItem>(StringComparer.Ordinal);
        foreach (var item in catalogue)
        {
            if (!all.TryAdd(item.Code, item))
            {
                throw new ArgumentException($"The catalogue has item code {item.Code} twice.", nameof(catalogue));
            }
        }

        return all;
    }

    /// <summary>The bundle's items in the order they can be done: prerequisites first, the bundle's order where free.</summary>
    private static List<ServiceItem> Ordered(LifeEvent bundle, Dictionary<string, ServiceItem> all)
    {
        if (bundle.ItemCodes.Count == 0)
        {
            throw new ArgumentException($"Life event {bundle.Code} has no items.", nameof(bundle));
        }

        var items = new Dictionary<string, ServiceItem>(StringComparer.Ordinal);
        foreach (var code in bundle.ItemCodes)
        {
            var item = all.GetValueOrDefault(code)
                ?? throw new ArgumentException($"Life event {bundle.Code} names item {code}, which the catalogue lacks.", nameof(bundle));
            if (!items.TryAdd(code, item))
            {
                throw new ArgumentException($"Life event {bundle.Code} names item {code} twice.", nameof(bundle));
            }

            if (item.PrerequisiteCodes.FirstOrDefault(p => !all.ContainsKey(p)) is { } unknown)
            {
                throw new ArgumentException($"Item {code} needs item {unknown} first, which the catalogue lacks.", nameof(bundle));
            }
        }

        if (ServiceCatalogueChecks.FindCycle(items.Values) is [_, ..] cycle)
        {
            var names = cycle.Select(c => $"{c} {items[c].Name}");
            throw new ArgumentException($"The items of {bundle.Code} wait for each other in a cycle: {string.Join(" → ", names)}.", nameof(bundle));
        }

        // Prerequisites outside the bundle are taken as done before it starts: the bundle is what the citizen asks for.
        var ordered = new List<ServiceItem>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < items.Count)
        {
            var next = items.Values.First(i => !placed.Contains(i.Code)
                && ServiceCatalogueChecks.DependsOn(i, items).All(placed.Contains));
            ordered.Add(next);
            placed.Add(next.Code);
        }

        return ordered;
    }
}
