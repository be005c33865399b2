namespace Shigan.Core.Services;

/// <summary>A material the citizen hands over at a place, for an item.</summary>
public sealed record HandedMaterial(string Place, string ItemCode, string MaterialName, MaterialForm Form);
