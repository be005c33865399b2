namespace Shigan.Core.Cases;

/// <summary>What a valid tracking number says: the China date of the report and the sequence number.</summary>
public readonly record struct TrackingNumberParts(string Prefix, DateOnly Date, long Sequence);
