using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>
/// A contest (赛马): participants, a period kind and weighted indicators. It belongs to the unit that organises it
/// (a township for its villages, the county for its townships), which defines and publishes it; participants read it.
/// </summary>
public sealed class Contest : IInRegion
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 500;

    /// <summary>Weights are points out of this total (unless the contest rescales them).</summary>
    public const decimal WeightTotal = 100m;

    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The organising unit.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public required string RegionPath { get; set; }

    public PeriodKind PeriodKind { get; set; }

    /// <summary>Rescale weights that do not add up to 100 instead of refusing them: the contest says so, nobody guesses.</summary>
    public bool NormaliseWeights { get; set; }

    /// <summary>With at least this many judges on a score, the highest and the lowest are dropped.</summary>
    public int TrimJudgesAtLeast { get; set; } = JudgePanel.DefaultTrimAtLeast;

    public decimal JudgeScoreMin { get; set; }

    public decimal JudgeScoreMax { get; set; } = 100m;

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public List<ContestParticipant> Participants { get; set; } = [];

    public List<ContestIndicator> Indicators { get; set; } = [];
}
