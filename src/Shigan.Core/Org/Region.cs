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

    /// <summary>Resident population (常住人口), for figures per 1,000 people; null when nobody has entered it.</summary>
    public int? Population { get; set; }

    /// <summary>A population is a positive count below ten million (no county or township is larger).</summary>
    public const int PopulationMax = 10_000_000;
}
