namespace Shigan.Core.Services.Applications;

/// <summary>
/// The figures of one unit or one service item over a period. Trip and time figures count finished applications only:
/// an open one may still need a trip. Shares are 0 to 1; null where nothing is finished yet.
/// </summary>
public sealed record FigureLine(
    string Key,
    int Applications,
    int Done,
    double? AverageTrips,
    double? ShareInOneTrip,
    double? ShareOnTime,
    IReadOnlyList<MaterialCount> MostMissed);

/// <summary>A material departments asked for after intake, and how often.</summary>
public sealed record MaterialCount(string Name, int Count);
