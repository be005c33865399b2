using Shigan.Core.Org;

namespace Shigan.Data.Generate;

/// <summary>A unit a case can happen at: a township itself, a village or a grid, with who reports there and how often.</summary>
public sealed record CasePlace(int Id, RegionLevel Level, string Path, string Label, string AddressBase, Actor? Reporter, double Weight);
