namespace Shigan.Core.Services;

/// <summary>What one delivery model asks of the citizen for one bundle, computed from the catalogue alone.</summary>
public sealed record TripPlan
{
    public required DeliveryModel Model { get; init; }

    /// <summary>The first working day on or after the requested start: the day of the first visit.</summary>
    public required DateOnly StartDay { get; init; }

    /// <summary>The trips in the order made.</summary>
    public required IReadOnlyList<Trip> Trips { get; init; }

    /// <summary>The working days the bundle takes, the start day counted: 1 when all is done the day the citizen comes.</summary>
    public required int ElapsedWorkingDays { get; init; }

    /// <summary>The day the last result is ready (or the last trip is made).</summary>
    public required DateOnly FinishedOn { get; init; }

    public required IReadOnlyList<HandedMaterial> HandedOver { get; init; }

    /// <summary>Why this plan needs fewer visits or papers than each department on its own; empty for that model itself.</summary>
    public required IReadOnlyList<TripSaving> Savings { get; init; }

    public required IReadOnlyList<UnissuedMaterial> Unissued { get; init; }

    public required decimal Fee { get; init; }

    public int TripCount => Trips.Count;

    /// <summary>The days on which the citizen has to go somewhere ("跑5趟，两天" is 5 trips on 2 days).</summary>
    public int TripDays => Trips.Select(t => t.Day).Distinct().Count();

    public IReadOnlyList<string> Places => [.. Trips.Select(t => t.Place).Distinct()];

    public int HandedOverCount => HandedOver.Count;
}
