using Shigan.Core.Org;

namespace Shigan.Core.Services.Applications;

/// <summary>
/// A trip the citizen actually made for an application (跑一次): the intake visit is the first; a material asked for
/// is one more only when the citizen had to come back with it and did. Recorded, never edited.
/// </summary>
public sealed class ApplicationTrip : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public const int PlaceMaxLength = 64;

    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public ServiceApplication? Application { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Place { get; set; }

    public TripPurpose Purpose { get; set; }

    public string? Note { get; set; }

    public string? RecordedById { get; set; }

    public required string RegionPath { get; set; }
}
