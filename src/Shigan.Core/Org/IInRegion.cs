namespace Shigan.Core.Org;

/// <summary>
/// A record that belongs to a unit of the tree. Its <see cref="RegionPath"/> is what the scope rule
/// compares, so who may see or change it is decided in one place.
/// </summary>
public interface IInRegion
{
    string RegionPath { get; }
}
