using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// A kind of problem (事件类别): which platform handles it, which department of the case's township takes it
/// by default, and its time limit. The catalogue is the county's, the same for every township.
/// </summary>
public sealed class CaseCategory : ISharedSetting
{
    public const int NameMaxLength = 32;
    public const int CodeMaxLength = 32;

    public int Id { get; set; }

    /// <summary>Stable code, also the Open311 service_code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public Platform Platform { get; set; }

    /// <summary>The name of the township department that takes such cases unless a routing rule says otherwise.</summary>
    public required string DefaultDepartmentName { get; set; }

    public int TimeLimitValue { get; set; }

    public TimeLimitUnit TimeLimitUnit { get; set; }

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>What a reporter is asked beyond the description (Open311 attributes).</summary>
    public List<CategoryQuestion> Questions { get; set; } = [];

    public TimeLimit TimeLimit => TimeLimit.Of(TimeLimitValue, TimeLimitUnit);
}
