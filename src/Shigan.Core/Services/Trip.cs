namespace Shigan.Core.Services;

/// <summary>One trip (跑一次): a visit to one place on one day, with everything done there before moving on.</summary>
public sealed record Trip(DateOnly Day, string Place, IReadOnlyList<TripStop> Stops);
