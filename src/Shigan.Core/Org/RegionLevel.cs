namespace Shigan.Core.Org;

/// <summary>The levels of the administrative tree, top to bottom.</summary>
public enum RegionLevel
{
    County = 1,
    Township = 2,
    Village = 3,
    Grid = 4,
}
