using Microsoft.AspNetCore.Identity;
using Shigan.Core.Org;

namespace Shigan.Data.Access;

/// <summary>An account: a person with one role in one unit.</summary>
public sealed class ShiganUser : IdentityUser, IInRegion
{
    public const int DisplayNameMaxLength = 32;

    public required string DisplayName { get; set; }

    public Role Role { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    /// <summary>The department of the unit the person works in, if any: its cases are their queue (部门待办).</summary>
    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
