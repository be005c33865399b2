namespace Shigan.Core.Org;

/// <summary>A unit of the administrative tree: the county, a township or street, a village or community, a grid.</summary>
public sealed class Region : IInRegion
{
    public int Id { get; set; }

    /// <summary>12-digit statistical division code (NBS); grids add three digits to their village's code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Region? Parent { get; set; }

    /// <summary>The codes from the root down to this unit, each followed by '/': "330822/330822001/".</summary>
    public required string RegionPath { get; set; }

    public List<Region> Children { get; set; } = [];
}
