namespace Shigan.Core.Campaigns;

/// <summary>
/// When a stage will be reached by every target, from the recent daily rate: the expected day, and an early and a
/// late day from the rate's spread (one standard deviation either side; no late day when the slow rate is zero).
/// <see cref="DaysAhead"/> is the target date minus the expected (or actual) day: negative means behind.
/// </summary>
public sealed record StageForecast(
    ForecastStatus Status,
    int Reached,
    int Total,
    double Rate,
    DateOnly? Expected,
    DateOnly? Earliest,
    DateOnly? Latest,
    int? DaysAhead);
