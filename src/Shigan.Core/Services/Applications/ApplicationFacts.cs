namespace Shigan.Core.Services.Applications;

/// <summary>What the figures need to know of one application, read from its record.</summary>
/// <param name="UnitKey">The unit it is counted for (the township whose window took it, or the county hall).</param>
/// <param name="Trips">The trips recorded for it, the intake visit included.</param>
public sealed record ApplicationFacts(string UnitKey, bool Done, int Trips, IReadOnlyList<PartFacts> Parts);

/// <summary>One part of an application for the figures: its items, whether it finished by its promised date, what it asked for after intake.</summary>
/// <param name="MissingMaterials">The materials the department asked for after intake, once per request.</param>
public sealed record PartFacts(IReadOnlyList<string> ItemCodes, bool OnTime, IReadOnlyList<string> MissingMaterials);
