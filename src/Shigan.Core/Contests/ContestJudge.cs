using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>An invitation (评委邀请): this account may score this contest, except the unit it comes from.</summary>
public sealed class ContestJudge : IInRegion
{
    public int Id { get; set; }

    public int ContestId { get; set; }

    public required string UserId { get; set; }

    public required string JudgeName { get; set; }

    /// <summary>The unit the judge comes from (their account's unless stated): they may not score it.</summary>
    public int HomeRegionId { get; set; }

    public required string HomePath { get; set; }

    public DateTime InvitedAtUtc { get; set; }

    /// <summary>The contest's path: it is the organiser's record.</summary>
    public required string RegionPath { get; set; }
}
