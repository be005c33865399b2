namespace Shigan.Core.Contests;

/// <summary>What scoring needs of an indicator: its weight (already checked or rescaled), direction, normalisation, cap and missing rule.</summary>
public sealed record IndicatorRule(
    int Id, string Name, decimal Weight, Direction Direction, Normalisation Normalisation, decimal? Target, decimal? Cap, MissingRule Missing);
