using Shigan.Core.Services;

namespace Shigan.Web.Services.Trips;

/// <summary>One model's plan as the comparison shows it: the figures, the trips by day, and what saved what.</summary>
public sealed record TripPlanView(
    DeliveryModel Model,
    string Label,
    int Trips,
    int TripDays,
    IReadOnlyList<string> Places,
    int HandedOver,
    int ElapsedWorkingDays,
    DateOnly StartDay,
    DateOnly FinishedOn,
    decimal Fee,
    IReadOnlyList<TripDayView> Days,
    IReadOnlyList<HandedMaterial> Materials,
    IReadOnlyList<TripSaving> Savings,
    IReadOnlyList<UnissuedMaterial> Unissued);

public sealed record TripDayView(DateOnly Day, IReadOnlyList<TripView> Trips);

public sealed record TripView(int Number, string Place, IReadOnlyList<TripStopView> Stops);

public sealed record TripStopView(StopPurpose Purpose, string PurposeText, string ItemCode, string ItemName, string? MaterialName);

public sealed record BundleItemLine(string Code, string Name, string DepartmentName, string ChannelText, int PromisedDays, bool IsActive);

/// <summary>The three delivery models of one bundle side by side, (a), (b), (c), from one start date.</summary>
public sealed record TripComparison(
    string Code, string Name, string? Description, DateOnly Start, IReadOnlyList<BundleItemLine> Items, IReadOnlyList<TripPlanView> Plans);
