namespace Shigan.Core.Org;

/// <summary>A department that handles work: a township platform office, a county bureau or a service partner.</summary>
public sealed class Department : IInRegion
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DepartmentKind Kind { get; set; }

    /// <summary>The platform it is attached to; county bureaus and partners may have none.</summary>
    public Platform? Platform { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    public string? Phone { get; set; }

    public bool IsActive { get; set; } = true;
}
