using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>
/// A unit taking part. Its own path (<see cref="UnitPath"/>) lets the people of that unit, and those below it, read the
/// contest's table although the contest belongs to the unit above them.
/// </summary>
public sealed class ContestParticipant
{
    public int Id { get; set; }

    public int ContestId { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string UnitPath { get; set; }
}
