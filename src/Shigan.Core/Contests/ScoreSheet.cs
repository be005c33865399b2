using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>
/// One version of a period's league table (评分表). It keeps its own copy of the indicators and of every figure, so a
/// later change to the contest or to the records does not alter it.
/// </summary>
public sealed class ScoreSheet : IInRegion
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }

    public int ContestId { get; set; }

    public Contest? Contest { get; set; }

    public DateOnly PeriodStart { get; set; }

    public int Version { get; set; }

    public SheetStatus Status { get; set; }

    /// <summary>Why this version corrects the one before it (required for every version after the first published).</summary>
    public string? Reason { get; set; }

    public DateTime ComputedAtUtc { get; set; }

    public required string ComputedByName { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public string? PublishedByName { get; set; }

    public DateTime? FrozenAtUtc { get; set; }

    /// <summary>The indicators as they were when computed, with the weights applied.</summary>
    public List<SheetIndicator> Indicators { get; set; } = [];

    public List<ScoreRow> Rows { get; set; } = [];

    /// <summary>Bumped by every status change: two people publishing at once, the second is told.</summary>
    public int Concurrency { get; set; }

    public required string RegionPath { get; set; }
}

/// <summary>An indicator as a sheet used it.</summary>
public sealed record SheetIndicator(
    int Id, string Name, Dimension Dimension, string? CustomDimension, decimal Weight, Direction Direction,
    Normalisation Normalisation, decimal? Target, decimal? Cap, SourceKind Source, string? SourceCode, MissingRule Missing);
