using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// Stored routing rule: new cases of a category reported in an area (a township, village or grid, never the whole
/// county, whose routing is the category default) go to a department instead of the category's default.
/// The rule belongs to its area, so a township sees and edits the rules of its own places only.
/// </summary>
public sealed class CaseRoutingRule : IInRegion
{
    public const int NoteMaxLength = 200;

    public int Id { get; set; }

    public int CategoryId { get; set; }

    public CaseCategory? Category { get; set; }

    /// <summary>The area the rule applies to.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    public bool IsActive { get; set; } = true;

    public string? Note { get; set; }
}
