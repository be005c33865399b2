using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Core.Services.Applications;

/// <summary>
/// One application (办件) for a life event's bundle, taken once at a window and split into one part per department.
/// It belongs to the unit whose window took it (a township, or the county for the county hall), so that unit and
/// those above it see it. Its public tracking number is derived from its id and intake date, never stored.
/// </summary>
public sealed class ServiceApplication : IInRegion, IKeepsOwnHistory
{
    public const string TrackingPrefix = "BJ";
    public const int ApplicantNameMaxLength = 32;
    public const int PhoneMaxLength = 20;

    public long Id { get; set; }

    /// <summary>The life event's code and name, copied at intake: a later catalogue change does not rewrite the record.</summary>
    public required string LifeEventCode { get; set; }

    public required string LifeEventName { get; set; }

    /// <summary>The one channel it was taken through (township window, county hall or bank window).</summary>
    public ServiceChannels Channel { get; set; }

    /// <summary>The unit whose window took it.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    /// <summary>The partner (a 信用社 branch) whose window took it, when one did; its clerks see only these.</summary>
    public int? TakenByDepartmentId { get; set; }

    public Department? TakenByDepartment { get; set; }

    public string? TakenById { get; set; }

    public required string TakenByName { get; set; }

    public DateTime TakenAtUtc { get; set; }

    public required string ApplicantName { get; set; }

    public required string ApplicantPhone { get; set; }

    /// <summary>What the window checked off, once for every item; materials shared between departments are not here.</summary>
    public List<CheckedMaterial> Materials { get; set; } = [];

    public ApplicationStatus Status { get; set; }

    public DateTime? DoneAtUtc { get; set; }

    /// <summary>Bumped by every change, a part's included: two departments finishing at once cannot both miss the last one.</summary>
    public int Version { get; set; }

    public List<SubApplication> Parts { get; set; } = [];

    public List<ApplicationEvent> Events { get; set; } = [];

    public List<ApplicationTrip> Trips { get; set; } = [];

    public string TrackingNumber => Cases.TrackingNumber.New(new DateTimeOffset(TakenAtUtc, TimeSpan.Zero), Id, TrackingPrefix);
}
