using Shigan.Core.Org;

namespace Shigan.Core.Services.Applications;

/// <summary>One department's part of an application (子办件): the items of the bundle that department decides.</summary>
public sealed class SubApplication : IInRegion, IKeepsOwnHistory
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public ServiceApplication? Application { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    public required string DepartmentName { get; set; }

    /// <summary>The codes of its items, in the bundle's order.</summary>
    public List<string> ItemCodes { get; set; } = [];

    public PartStatus Status { get; set; }

    /// <summary>The promised date (承诺时限): its items' longest promised working days from the intake day; the intake day for 即办.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The material the department waits for, while it waits.</summary>
    public string? RequestedMaterial { get; set; }

    /// <summary>Whether the citizen must come back with it (or it comes another way: data sharing, a phone photo).</summary>
    public bool MustReturn { get; set; }

    public string? RefusalReason { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The application's, copied: whoever sees the application sees its parts.</summary>
    public required string RegionPath { get; set; }

    /// <summary>Two officers acting on the same part at once: the second is told, nothing is lost.</summary>
    public int Version { get; set; }
}
